import { addDays, addMonthsClamped, daysBetween } from '../../../kernel/calendar/dates.js';

/** A period of local days, both ends included (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const monthEnd = (d: string) => addDays(addMonthsClamped(monthStart(d), 1), -1);
const isMonthStart = (d: string) => d.endsWith('-01');
const isMonthEnd = (d: string) => addDays(d, 1).endsWith('-01');

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(d: string): number {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/**
 * The period compared with (较上期):
 * - whole calendar months (a month, a quarter, a year, any run of months): as many months just
 *   before — November compares with October, not with 31 days back;
 * - a period from a month's first day to a day before its month ends (本月 / 本季 / 本年 so far): the
 *   same days as many months back — 1–7 December with 1–7 November, the quarter so far with the
 *   previous quarter's same stretch (同期);
 * - any other period: as many days just before (a week with the week before).
 */
export function previousPeriod(p: DayPeriod): DayPeriod {
  if (isMonthStart(p.from)) {
    const months =
      (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 +
      Number(p.to.slice(5, 7)) -
      Number(p.from.slice(5, 7)) +
      1;
    const from = addMonthsClamped(p.from, -months);
    if (isMonthEnd(p.to)) return { from, to: addDays(p.from, -1) };
    return { from, to: addMonthsClamped(p.to, -months) };
  }
  const length = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/**
 * The buckets of a trend: each day, each ISO week (Monday to Sunday) or each calendar month that
 * meets the period, clipped to it, in order. Together they cover the period exactly, without overlap.
 */
export function trendBuckets(p: DayPeriod, grain: 'day' | 'week' | 'month'): DayPeriod[] {
  const out: DayPeriod[] = [];
  let from = p.from;
  while (from <= p.to) {
    let end = grain === 'day' ? from : grain === 'week' ? addDays(from, 7 - isoWeekday(from)) : monthEnd(from);
    if (end > p.to) end = p.to;
    out.push({ from, to: end });
    from = addDays(end, 1);
  }
  return out;
}

/** At most this many buckets in one trend (a year by day is 366). */
export const MAX_TREND_POINTS = 400;

/** The month so far: the 1st of today's month to today (the 工作台's 本月). */
export function monthToDate(today: string): DayPeriod {
  return { from: monthStart(today), to: today };
}
