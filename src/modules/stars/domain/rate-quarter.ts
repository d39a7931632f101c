import { addDays } from '../../../kernel/calendar/dates.js';

/**
 * The quarters the kept rates are measured over: 'YYYY-Qn', its local days (Asia/Shanghai) from the
 * first of its first month to the last of its third, measured up to today.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter a local day 'YYYY-MM-DD' lies in. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first and last local day of a quarter, both included. */
export function quarterDays(quarter: string): { first: string; last: string } {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const firstMonth = (q - 1) * 3 + 1;
  const lastDate = new Date(Date.UTC(y, firstMonth + 2, 0)).getUTCDate();
  return { first: `${y}-${pad(firstMonth)}-01`, last: `${y}-${pad(firstMonth + 2)}-${pad(lastDate)}` };
}

export function previousQuarter(quarter: string): string {
  return quarterOfDay(addDays(quarterDays(quarter).first, -1));
}

/**
 * The days a quarter's rates are measured over as of `today`: its first day through its last day or
 * today, whichever comes first; null for a quarter not begun (nothing to measure yet).
 */
export function measuredDays(quarter: string, today: string): { first: string; last: string } | null {
  const d = quarterDays(quarter);
  if (today < d.first) return null;
  return { first: d.first, last: today < d.last ? today : d.last };
}

/** The nightly job's quarters: the current one, and in a quarter's first 15 days the previous one too. */
export function quartersToRefresh(today: string): string[] {
  const current = quarterOfDay(today);
  const first = quarterDays(current).first;
  return today < addDays(first, 15) ? [current, previousQuarter(current)] : [current];
}
