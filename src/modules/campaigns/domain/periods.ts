import { addDays, daysBetween } from '../../../kernel/calendar/dates.js';

/** A target's period: '2026' (year), '2026-Q4' (quarter) or '2026-12' (month). */
export function periodDays(period: string): { firstDay: string; lastDay: string } {
  const year = Number(period.slice(0, 4));
  let first: number;
  let months: number;
  if (period.length === 4) [first, months] = [1, 12];
  else if (period[5] === 'Q') [first, months] = [(Number(period[6]) - 1) * 3 + 1, 3];
  else [first, months] = [Number(period.slice(5, 7)), 1];
  const firstDay = `${year}-${String(first).padStart(2, '0')}-01`;
  const endMonth = first + months; // the month after the period, maybe 13
  const next = endMonth > 12 ? `${year + 1}-01-01` : `${year}-${String(endMonth).padStart(2, '0')}-01`;
  return { firstDay, lastDay: addDays(next, -1) };
}

/**
 * How much of a period has passed on `today` (local days, today counted as passed): 0 before the
 * period, 1 from its last day on.
 */
export function elapsedFraction(period: { firstDay: string; lastDay: string }, today: string): number {
  if (today < period.firstDay) return 0;
  if (today >= period.lastDay) return 1;
  return (daysBetween(period.firstDay, today) + 1) / (daysBetween(period.firstDay, period.lastDay) + 1);
}

/** The months from `from` to `to` (YYYY-MM, both included), at most `max` of them. */
export function monthsBetween(from: string, to: string, max = 36): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (out.length < max) {
    const id = `${y}-${String(m).padStart(2, '0')}`;
    if (id > to) break;
    out.push(id);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
