import { Invalid, type FieldProblem } from '../errors.js';
import { citeNotice, HOLIDAY_SCHEDULE } from './holidays.data.js';
import {
  DEFAULT_TIME_ZONE,
  fixedOffsetMs,
  formatDay,
  fromLocal,
  isWeekend,
  parseDay,
  toLocal,
  weekdaysInRange,
  yearOfDay,
} from './local-time.js';
import { DEFAULT_WORK_HOURS, WorkDay, type WorkPeriod } from './work-hours.js';

/** An admin override of one day; it wins over the shipped schedule and the weekend rule. */
export interface CalendarDay {
  date: string;
  /** 'holiday': nobody works that day; 'workday': a working day even if it is a weekend. */
  kind: 'holiday' | 'workday';
  /** Shown to users, e.g. '防汛停工' or '国庆节调休'. */
  name?: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** The holiday a day off or make-up workday belongs to, e.g. '春节' or '国庆节、中秋节'. */
  name?: string;
}

export interface YearCoverage {
  covered: boolean;
  /** The notice citation for shipped years, 'admin' for years entered by an administrator. */
  source?: string;
}

export interface CalendarOptions {
  /** Admin overrides; they win over the shipped schedule. A later entry for the same date wins. */
  entries?: readonly CalendarDay[];
  /** IANA zone of the district; must have a fixed offset. Default Asia/Shanghai. */
  timeZone?: string;
  /** Working periods of every working day. Default 08:30–12:00 and 14:30–17:30. */
  workHours?: readonly WorkPeriod[];
}

export interface WorkCalendar {
  readonly timeZone: string;
  readonly workHours: readonly WorkPeriod[];
  /** Working milliseconds in one working day (6.5 h with the default hours). */
  readonly workdayMillis: number;
  isWorkday(date: string): boolean;
  dayKind(date: string): DayKind;
  dayInfo(date: string): DayInfo;
  coverage(year: number): YearCoverage;
  localDate(instant: Date): string;
  /** The instant local midnight begins on `date`. */
  startOfDay(date: string): Date;
  /** True when `instant` lies inside a working period of a working day. */
  isWorkingTime(instant: Date): boolean;
  /**
   * Deadline `n` working days after `start`: n whole working days of working time, landing on the
   * same local clock time.
   * - Start inside working hours (Fri 10:00, n = 2): the same clock time on the n-th following
   *   working day (Tue 10:00, or later if Mon/Tue are holidays).
   * - Start in a break (Fri 12:40): counts from the next period (Fri 14:30 → Tue 14:30).
   * - Start before the first period of a working day, after the last, or on a day off (Fri 19:00,
   *   Sat): counts from the next working period and ends at close of work (17:30) on the n-th
   *   working day counting that day (Fri 19:00, n = 2 → Tue 17:30).
   * So workingMillisBetween(start, deadline) is always n × workdayMillis. n = 0 returns `start`.
   */
  addWorkingDays(start: Date, n: number): Date;
  /**
   * The earliest instant by which `hours` of working time have elapsed since `start`, counting only
   * working periods of working days; a start outside them begins counting at the next working
   * period. hours = 0 returns `start`. Fractions are rounded to the millisecond.
   */
  addWorkingHours(start: Date, hours: number): Date;
  /** Working milliseconds from a to b; negative when b is before a, 0 when equal. */
  workingMillisBetween(a: Date, b: Date): number;
  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string;
  /**
   * Working days after `fromDate` up to and including `toDate`: (fromDate, toDate]. Fri → next Mon
   * is 1 on a plain weekend; the same date is 0; negative when toDate is before fromDate.
   */
  workdaysBetween(fromDate: string, toDate: string): number;
}

interface Special {
  kind: 'holiday' | 'makeup_workday' | 'workday';
  name?: string;
}

export function createCalendar(options: CalendarOptions = {}): WorkCalendar {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const offset = fixedOffsetMs(timeZone);
  const workHours = (options.workHours ?? DEFAULT_WORK_HOURS).map((p) => Object.freeze({ ...p }));
  const wd = new WorkDay(workHours);

  const specials = new Map<number, Special>();
  const shippedYears = new Map<number, string>();
  for (const year of HOLIDAY_SCHEDULE) {
    shippedYears.set(year.year, citeNotice(year.notice));
    for (const p of year.periods) {
      const name = p.mergedWith ? `${p.name}、${p.mergedWith}` : p.name;
      for (const d of p.daysOff) specials.set(parseDay(d), { kind: 'holiday', name });
      for (const d of p.makeupWorkdays) specials.set(parseDay(d), { kind: 'makeup_workday', name });
    }
  }
  const adminYears = new Set<number>();
  const problems: FieldProblem[] = [];
  (options.entries ?? []).forEach((e, i) => {
    let day: number;
    try {
      day = parseDay(e.date);
    } catch (err) {
      problems.push({ field: `entries[${i}].date`, message: (err as Error).message });
      return;
    }
    if (e.kind !== 'holiday' && e.kind !== 'workday') {
      problems.push({ field: `entries[${i}].kind`, message: "must be 'holiday' or 'workday'" });
      return;
    }
    adminYears.add(yearOfDay(day));
    const kind = e.kind === 'holiday' ? 'holiday' : isWeekend(day) ? 'makeup_workday' : 'workday';
    specials.set(day, { kind, name: e.name });
  });
  if (problems.length) throw new Invalid('calendar.invalid_entry', 'invalid calendar entries', problems);

  // Days whose working status differs from the Monday–Friday rule, sorted, with running totals
  // of +1 (weekend worked) / −1 (weekday off), so counting working days is a binary search.
  const deltaDays: number[] = [];
  const deltas: number[] = [];
  for (const [day, s] of [...specials].sort((a, b) => a[0] - b[0])) {
    const working = s.kind !== 'holiday';
    const delta = working === isWeekend(day) ? (working ? 1 : -1) : 0;
    if (delta !== 0) {
      deltaDays.push(day);
      deltas.push(delta);
    }
  }
  const prefix = [0];
  for (const d of deltas) prefix.push(prefix[prefix.length - 1] + d);

  const deltaBefore = (day: number): number => {
    let lo = 0;
    let hi = deltaDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (deltaDays[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return prefix[lo];
  };
  const working = (day: number): boolean => {
    const s = specials.get(day);
    return s ? s.kind !== 'holiday' : !isWeekend(day);
  };
  /** Working days in the half-open range [from, to). */
  const countWorkdays = (from: number, to: number): number =>
    to <= from ? 0 : weekdaysInRange(from, to) + deltaBefore(to) - deltaBefore(from);
  /** The n-th working day strictly after `day` (n ≥ 1). */
  const nthWorkdayAfter = (day: number, n: number): number => {
    let hi = day + Math.ceil((n * 7) / 5) + 14;
    while (countWorkdays(day + 1, hi + 1) < n) hi += hi - day;
    let lo = day + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (countWorkdays(day + 1, mid + 1) >= n) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** Working ms of `day` already elapsed at clock time `tod`; a day off counts as used up. */
  const usedOf = (day: number, tod: number): number => (working(day) ? wd.elapsed(tod) : wd.total);

  const dayInfo = (date: string): DayInfo => {
    const day = parseDay(date);
    const s = specials.get(day);
    if (s) return s.name === undefined ? { date, kind: s.kind } : { date, kind: s.kind, name: s.name };
    return { date, kind: isWeekend(day) ? 'weekend' : 'workday' };
  };

  const addWorkingMillis = (start: Date, ms: number): Date => {
    const { day, tod } = toLocal(start, offset);
    if (ms === 0) return new Date(start.getTime());
    const used = usedOf(day, tod);
    if (ms <= wd.total - used) return fromLocal(day, wd.clockAt(used + ms), offset);
    const rest = ms - (wd.total - used);
    const k = Math.ceil(rest / wd.total);
    return fromLocal(nthWorkdayAfter(day, k), wd.clockAt(rest - (k - 1) * wd.total), offset);
  };

  const between = (a: Date, b: Date): number => {
    const A = toLocal(a, offset);
    const B = toLocal(b, offset);
    // 0 - x rather than -x: a reversed span with no working time is 0, never -0.
    if (b.getTime() < a.getTime()) return 0 - between(b, a);
    if (A.day === B.day) return working(A.day) ? wd.elapsed(B.tod) - wd.elapsed(A.tod) : 0;
    return (
      wd.total -
      usedOf(A.day, A.tod) +
      countWorkdays(A.day + 1, B.day) * wd.total +
      (working(B.day) ? wd.elapsed(B.tod) : 0)
    );
  };

  const calendar: WorkCalendar = {
    timeZone,
    workHours: Object.freeze(workHours),
    workdayMillis: wd.total,
    isWorkday: (date) => working(parseDay(date)),
    dayKind: (date) => dayInfo(date).kind,
    dayInfo,
    coverage(year) {
      const shipped = shippedYears.get(year);
      if (shipped) return { covered: true, source: shipped };
      if (adminYears.has(year)) return { covered: true, source: 'admin' };
      return { covered: false };
    },
    localDate: (instant) => formatDay(toLocal(instant, offset).day),
    startOfDay: (date) => fromLocal(parseDay(date), 0, offset),
    isWorkingTime(instant) {
      const { day, tod } = toLocal(instant, offset);
      return working(day) && wd.contains(tod);
    },
    addWorkingDays(start, n) {
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new Invalid('calendar.invalid_amount', `working days must be a whole number ≥ 0, got ${n}`);
      }
      const { day, tod } = toLocal(start, offset);
      if (n === 0) return new Date(start.getTime());
      const used = usedOf(day, tod);
      if (used === 0 || used === wd.total) {
        const first = used === 0 ? day : nthWorkdayAfter(day, 1);
        return fromLocal(n === 1 ? first : nthWorkdayAfter(first, n - 1), wd.lastEnd, offset);
      }
      return fromLocal(nthWorkdayAfter(day, n), wd.nextWorkingClock(tod)!, offset);
    },
    addWorkingHours(start, hours) {
      if (!Number.isFinite(hours) || hours < 0) {
        throw new Invalid('calendar.invalid_amount', `working hours must be a number ≥ 0, got ${hours}`);
      }
      return addWorkingMillis(start, Math.round(hours * 3_600_000));
    },
    workingMillisBetween: between,
    nextWorkday: (date) => formatDay(nthWorkdayAfter(parseDay(date), 1)),
    workdaysBetween(fromDate, toDate) {
      const from = parseDay(fromDate);
      const to = parseDay(toDate);
      return to >= from ? countWorkdays(from + 1, to + 1) : -countWorkdays(to + 1, from + 1);
    },
  };
  return Object.freeze(calendar);
}
