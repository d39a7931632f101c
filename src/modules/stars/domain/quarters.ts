import { addDays } from '../../../kernel/calendar/dates.js';

/** The quarter 'YYYY-Qn' a local day 'YYYY-MM-DD' falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A quarter's first and last local days (both inclusive). */
export function quarterDays(quarter: string): { firstDay: string; lastDay: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6, 7));
  const firstMonth = (q - 1) * 3 + 1;
  const firstDay = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { firstDay, lastDay: addDays(next, -1) };
}

/** The quarter before `quarter` (2026-Q1 → 2025-Q4). */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6, 7));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The quarters from `from` to `to`, both included, oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = to; q >= from; q = previousQuarter(q)) out.unshift(q);
  return out;
}
