import { addDays, daysBetween, isDate } from '../../../kernel/calendar/dates.js';
import type { FollowUpStatus, MeasureStatus } from '../../../contracts/measures.js';
import { MAX_MEASURE_DAYS } from '../../../contracts/measures.js';

// Pure rules of home measures (居家隔离 / 居家健康监测) and their daily follow-ups (随访). Days are
// Asia/Shanghai calendar dates 'YYYY-MM-DD' (UTC+8 all year, no daylight saving): a window is counted
// in calendar days, so it never gains or loses a day to a clock change.

export interface Window {
  startDay: string;
  /** The last day of the window (inclusive). */
  endDay: string;
}

/** The last day of a window of `lengthDays` days from `startDay`: day 1 is the start day. */
export function endDayOf(startDay: string, lengthDays: number): string {
  return addDays(startDay, lengthDays - 1);
}

/** One follow-up per day of the window, in order: the days a measure's follow-up list is made of. */
export function followUpDays(startDay: string, lengthDays: number): string[] {
  return Array.from({ length: lengthDays }, (_, i) => addDays(startDay, i));
}

export function inWindow(w: Window, day: string): boolean {
  return day >= w.startDay && day <= w.endDay;
}

/** Two windows share at least one day. */
export function overlaps(a: Window, b: Window): boolean {
  return a.startDay <= b.endDay && b.startDay <= a.endDay;
}

/** Which day of the window `day` is (1-based). */
export function dayIndexOf(w: Window, day: string): number {
  return daysBetween(w.startDay, day) + 1;
}

export interface RuleProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * What is wrong with a new measure's window, test days and overlap with the person's open measures.
 * A measure starts today or later (a day before today would be born with past days to miss); it ends
 * within MAX_MEASURE_DAYS days.
 */
export function checkNewMeasure(
  m: { startDay: string; lengthDays: number; testDays: readonly string[] },
  today: string,
  openWindows: readonly Window[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isDate(m.startDay)) return [{ field: 'startDay', code: 'date.invalid' }];
  if (m.startDay < today) problems.push({ field: 'startDay', code: 'measure.start_in_past', params: { today } });
  if (!Number.isInteger(m.lengthDays) || m.lengthDays < 1 || m.lengthDays > MAX_MEASURE_DAYS)
    problems.push({ field: 'lengthDays', code: 'measure.length_range', params: { max: MAX_MEASURE_DAYS } });
  else {
    const w = { startDay: m.startDay, endDay: endDayOf(m.startDay, m.lengthDays) };
    m.testDays.forEach((d, i) => {
      if (!isDate(d)) problems.push({ field: `testDays[${i}]`, code: 'date.invalid' });
      else if (!inWindow(w, d))
        problems.push({
          field: `testDays[${i}]`,
          code: 'measure.test_day_outside',
          params: { start: w.startDay, end: w.endDay },
        });
      else if (m.testDays.indexOf(d) !== i)
        problems.push({ field: `testDays[${i}]`, code: 'measure.test_day_repeated', params: { day: d } });
    });
    const clash = openWindows.find((o) => overlaps(o, w));
    if (clash)
      problems.push({
        field: 'startDay',
        code: 'measure.overlap',
        params: { start: clash.startDay, end: clash.endDay },
      });
  }
  return problems;
}

/** How a measure may end: completed when its window is over (the job), lost or hospital by hand while open. */
export function canEnd(status: MeasureStatus, outcome: Exclude<MeasureStatus, 'open'>, w: Window, today: string) {
  if (status !== 'open') return 'measure.not_open';
  if (outcome === 'completed' && today <= w.endDay) return 'measure.window_not_over';
  return null;
}

export interface FollowUpState {
  status: FollowUpStatus;
  /** Who recorded it; null while not performed or when the day's end job marked it missed. */
  recordedBy: string | null;
}

/**
 * May an owner record `day`'s follow-up now? Inside the window, not after today, the measure open
 * (or ended after that day), and the day not recorded yet. A day the end-of-day job marked missed may
 * still be recorded: a phone offline at the door syncs the visit it made that day, later.
 */
export function checkRecord(
  m: Window & { status: MeasureStatus; endedOn: string | null },
  day: string,
  today: string,
  current: FollowUpState | undefined,
): RuleProblem | null {
  if (!isDate(day)) return { field: 'day', code: 'date.invalid' };
  if (day > today) return { field: 'day', code: 'followup.future_day', params: { today } };
  const lastDay = m.endedOn && m.endedOn < m.endDay ? m.endedOn : m.endDay;
  if (day < m.startDay || day > lastDay)
    return { field: 'day', code: 'followup.outside_window', params: { start: m.startDay, end: lastDay } };
  if (m.status !== 'open' && m.status !== 'completed') return { field: 'measureId', code: 'followup.measure_ended' };
  if (!current) return { field: 'day', code: 'followup.outside_window', params: { start: m.startDay, end: lastDay } };
  if (current.status !== 'not_performed' && current.recordedBy !== null)
    return { field: 'day', code: 'followup.already_recorded', params: { day } };
  return null;
}

/**
 * At the end of each day (Asia/Shanghai), the follow-ups of days before `today` nobody recorded become
 * missed. Pure selection: the job writes exactly these, so a second run finds none (idempotent).
 */
export function dueToMiss<T extends { day: string; status: FollowUpStatus }>(rows: readonly T[], today: string): T[] {
  return rows.filter((r) => r.status === 'not_performed' && r.day < today);
}

/** Measures whose window is over by `today` and still open: the job ends them as completed. */
export function dueToComplete<T extends { endDay: string; status: MeasureStatus }>(rows: readonly T[], today: string) {
  return rows.filter((m) => m.status === 'open' && m.endDay < today);
}

export interface Completeness {
  due: number;
  seen: number;
  missed: number;
}

/**
 * Follow-up completeness: follow-ups seen (ok or not) of those due. A follow-up is due once its day is
 * over, or as soon as it is recorded (today's recorded visit counts today; today's pending one does
 * not count against anyone until the day ends).
 */
export function completenessOf(
  rows: readonly {
    day: string;
    status: FollowUpStatus;
    /** Follow-ups alike (a grouped read); default 1. */ n?: number;
  }[],
  today: string,
): Completeness {
  const c: Completeness = { due: 0, seen: 0, missed: 0 };
  for (const r of rows) {
    if (r.status === 'not_performed' && r.day >= today) continue;
    const n = r.n ?? 1;
    c.due += n;
    if (r.status === 'seen_ok' || r.status === 'seen_not_ok') c.seen += n;
    else c.missed += n;
  }
  return c;
}

/** seen ÷ due, or null when nothing is due. */
export function rateOf(c: Completeness): number | null {
  return c.due ? c.seen / c.due : null;
}

/** Adds completeness counts per unit (a community's measures into it, communities into a sub-district). */
export function rollUp<K>(parts: readonly { key: K; counts: Completeness }[]): Map<K, Completeness> {
  const out = new Map<K, Completeness>();
  for (const p of parts) {
    const c = out.get(p.key) ?? { due: 0, seen: 0, missed: 0 };
    c.due += p.counts.due;
    c.seen += p.counts.seen;
    c.missed += p.counts.missed;
    out.set(p.key, c);
  }
  return out;
}
