import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import {
  DAY_MS,
  DEFAULT_TIME_ZONE,
  fixedOffsetMs,
  formatDay,
  fromLocal,
  parseClock,
  toLocal,
  weekdayOf,
  yearOfDay,
} from '../../../kernel/calendar/local-time.js';

export const PERIOD_TYPES = ['daily', 'weekly', 'monthly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A parsed period; days are local day numbers (days since 1970-01-01), both ends inclusive. */
export interface Period {
  type: PeriodType;
  id: string;
  firstDay: number;
  lastDay: number;
}

/** When a period's report is due: `time` local on the period's last day plus `dayOffset` days. */
export interface DeadlineRule {
  /** 'HH:MM' local time, e.g. '16:00'. */
  time: string;
  /** 0 = the period's last day; 1 = the next day (e.g. "next day 10:00"). */
  dayOffset: number;
  /** DHIS2's timelyDays: a report is on time up to this many whole days after the deadline. */
  graceDays?: number;
}

/** Longest list periodRange will build: ten years of daily periods. */
export const MAX_PERIOD_RANGE = 3660;
const MAX_DAY_OFFSET = 31;
const MAX_GRACE_DAYS = 31;

/** A bad period id or rule; `field` names the input (default 'period'). */
export class InvalidPeriod extends Invalid {
  constructor(message: string, field = 'period') {
    super('reporting.invalid_period', message, [{ field, message }]);
  }
}

const DAILY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKLY_RE = /^(\d{4})-W(\d{2})$/;
const MONTHLY_RE = /^(\d{4})-(\d{2})$/;

function dayOfYmd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** 0 = Monday … 6 = Sunday. */
function isoWeekday(day: number): number {
  return (weekdayOf(day) + 6) % 7;
}

function mondayOfIsoWeek1(year: number): number {
  const jan4 = dayOfYmd(year, 1, 4);
  return jan4 - isoWeekday(jan4);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The type an id is written in, or null when it matches none of the forms. */
export function periodTypeOfId(id: string): PeriodType | null {
  if (typeof id !== 'string') return null;
  if (DAILY_RE.test(id)) return 'daily';
  if (WEEKLY_RE.test(id)) return 'weekly';
  if (MONTHLY_RE.test(id)) return 'monthly';
  return null;
}

/**
 * Parses '2026-11-30', '2026-W48' or '2026-11'. With `type`, the id must be of that type.
 * Throws InvalidPeriod (field `field`) for anything that is not a real period.
 */
export function parsePeriod(id: string, type?: PeriodType, field = 'period'): Period {
  const found = periodTypeOfId(id);
  if (found === null) {
    throw new InvalidPeriod(`not a period id (YYYY-MM-DD, YYYY-Www or YYYY-MM): ${String(id)}`, field);
  }
  if (type !== undefined && found !== type) {
    throw new InvalidPeriod(`${id} is a ${found} period, the form reports ${type}`, field);
  }
  if (found === 'daily') {
    const m = DAILY_RE.exec(id)!;
    const day = dayOfYmd(+m[1], +m[2], +m[3]);
    if (formatDay(day) !== id) throw new InvalidPeriod(`no such day: ${id}`, field);
    return { type: found, id, firstDay: day, lastDay: day };
  }
  if (found === 'weekly') {
    const m = WEEKLY_RE.exec(id)!;
    const week = +m[2];
    const firstDay = mondayOfIsoWeek1(+m[1]) + (week - 1) * 7;
    // Weeks 00 and 54+ never exist; W53 exists only in years whose 28 December falls in week 53.
    if (week < 1 || formatPeriodOfDay(firstDay, 'weekly') !== id)
      throw new InvalidPeriod(`no such ISO week: ${id}`, field);
    return { type: found, id, firstDay, lastDay: firstDay + 6 };
  }
  const m = MONTHLY_RE.exec(id)!;
  const [y, mo] = [+m[1], +m[2]];
  if (mo < 1 || mo > 12) throw new InvalidPeriod(`no such month: ${id}`, field);
  return { type: found, id, firstDay: dayOfYmd(y, mo, 1), lastDay: dayOfYmd(y, mo + 1, 1) - 1 };
}

export function isValidPeriod(id: string, type?: PeriodType): boolean {
  try {
    parsePeriod(id, type);
    return true;
  } catch {
    return false;
  }
}

/** The id of the period of `type` that contains local day `day`. */
export function formatPeriodOfDay(day: number, type: PeriodType): string {
  if (type === 'daily') return formatDay(day);
  if (type === 'monthly') return formatDay(day).slice(0, 7);
  const thursday = day - isoWeekday(day) + 3; // the ISO week belongs to the year of its Thursday
  const year = yearOfDay(thursday);
  const week = Math.floor((thursday - dayOfYmd(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The period containing `instant`, by the local calendar of `timeZone`. */
export function periodOf(instant: Date, type: PeriodType, timeZone = DEFAULT_TIME_ZONE): string {
  return formatPeriodOfDay(toLocal(instant, fixedOffsetMs(timeZone)).day, type);
}

export function nextPeriod(id: string, type?: PeriodType): string {
  const p = parsePeriod(id, type);
  return formatPeriodOfDay(p.lastDay + 1, p.type);
}

export function previousPeriod(id: string, type?: PeriodType): string {
  const p = parsePeriod(id, type);
  return formatPeriodOfDay(p.firstDay - 1, p.type);
}

/** Every period id from `from` to `to`, both included, in order; throws when to < from. */
export function periodRange(from: string, to: string, type: PeriodType): string[] {
  const a = parsePeriod(from, type, 'from');
  const b = parsePeriod(to, type, 'to');
  if (b.firstDay < a.firstDay) throw new InvalidPeriod(`${to} is before ${from}`, 'to');
  const ids: string[] = [];
  for (let day = a.firstDay; day <= b.firstDay;) {
    if (ids.length >= MAX_PERIOD_RANGE)
      throw new InvalidPeriod(`more than ${MAX_PERIOD_RANGE} periods from ${from} to ${to}`, 'to');
    const p = parsePeriod(formatPeriodOfDay(day, type));
    ids.push(p.id);
    day = p.lastDay + 1;
  }
  return ids;
}

/** Local midnight at the start of the period's first day. */
export function periodStart(id: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return fromLocal(parsePeriod(id).firstDay, 0, fixedOffsetMs(timeZone));
}

/** Local midnight after the period's last day (exclusive end). */
export function periodEnd(id: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return fromLocal(parsePeriod(id).lastDay + 1, 0, fixedOffsetMs(timeZone));
}

/** True while the period has not begun; the current period is not in the future. */
export function isFuture(id: string, now: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  return now.getTime() < periodStart(id, timeZone).getTime();
}

/** Problems with a deadline rule, under `field` (e.g. 'deadline'). */
export function deadlineRuleProblems(rule: DeadlineRule, field = 'deadline'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rule === null || typeof rule !== 'object') return [{ field, message: 'a deadline rule is required' }];
  try {
    parseClock(rule.time);
  } catch {
    problems.push({ field: `${field}.time`, message: `not a time in HH:MM form: ${String(rule.time)}` });
  }
  if (!Number.isInteger(rule.dayOffset) || rule.dayOffset < 0 || rule.dayOffset > MAX_DAY_OFFSET) {
    problems.push({ field: `${field}.dayOffset`, message: `must be a whole number from 0 to ${MAX_DAY_OFFSET}` });
  }
  const grace = rule.graceDays ?? 0;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_DAYS) {
    problems.push({ field: `${field}.graceDays`, message: `must be a whole number from 0 to ${MAX_GRACE_DAYS}` });
  }
  return problems;
}

function assertRule(rule: DeadlineRule): void {
  const problems = deadlineRuleProblems(rule);
  if (problems.length > 0) throw new Invalid('reporting.invalid_deadline', problems[0].message, problems);
}

/** The instant the period's report is due. */
export function deadlineOf(id: string, rule: DeadlineRule, timeZone = DEFAULT_TIME_ZONE): Date {
  assertRule(rule);
  return fromLocal(parsePeriod(id).lastDay + rule.dayOffset, parseClock(rule.time), fixedOffsetMs(timeZone));
}

/** The last instant a report still counts as on time: the deadline plus the grace days. */
export function timelyLimitOf(id: string, rule: DeadlineRule, timeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(deadlineOf(id, rule, timeZone).getTime() + (rule.graceDays ?? 0) * DAY_MS);
}

/** On time means submitted at or before the timely limit. */
export function isOnTime(id: string, submittedAt: Date, rule: DeadlineRule, timeZone = DEFAULT_TIME_ZONE): boolean {
  return submittedAt.getTime() <= timelyLimitOf(id, rule, timeZone).getTime();
}
