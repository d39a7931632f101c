import type { WorkCalendar } from './calendar.js';

/**
 * Calendar dates as 'YYYY-MM-DD' strings in the district's zone. They compare correctly as strings,
 * so the rules below use `<` and `>` on them directly.
 */
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  return fromDay(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS) === value;
}

/** Days since 1970-01-01; the caller has checked the string with isDate. */
export function toDay(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDay(toDay(date) + n);
}

/** b − a in calendar days. */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/**
 * `date` plus k months, keeping the day of month and clamping to the month's last day
 * (2026-01-31 + 1 → 2026-02-28). Always computed from the anchor, so the 31st comes back in March.
 */
export function addMonthsClamped(date: string, k: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + k;
  const d = +date.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDay(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

/** The local date of an instant: the calendar's zone when given, else Asia/Shanghai (UTC+8, no DST). */
export function localDateOf(now: Date, calendar?: WorkCalendar): string {
  if (calendar) return calendar.localDate(now);
  return fromDay(Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}
