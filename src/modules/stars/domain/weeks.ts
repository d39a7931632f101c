import { addDays, isDate, toDay } from '../../../kernel/calendar/dates.js';

/**
 * The weekly part of the "三个一" cycle (每周推进) as pure rules over dates 'YYYY-MM-DD' in the
 * district's zone: a week is the ISO week keyed by its Monday; a report is due on the week's last
 * working day (the calendar with 调休 decides; a week without one asks for no report).
 */

/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function isoWeekday(day: string): number {
  return ((((toDay(day) + 3) % 7) + 7) % 7) + 1;
}

export function isMonday(day: string): boolean {
  return isDate(day) && isoWeekday(day) === 1;
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The seven days of the week keyed by `monday`. */
export function daysOfWeek(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week's last working day, or null when the whole week is off (a long 春节 holiday). */
export function dueDayOf(monday: string, isWorkday: (day: string) => boolean): string | null {
  const days = daysOfWeek(monday);
  for (let i = days.length - 1; i >= 0; i--) if (isWorkday(days[i]!)) return days[i]!;
  return null;
}

/** The Mondays of the weeks touching [from, to], oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) out.push(m);
  return out;
}

/**
 * Where a branch stands for a week:
 * - reported: first reported on or before the due day;
 * - late: first reported after it (an amendment never changes this: the first report counts);
 * - missing: nothing yet and the due day has passed;
 * - pending: nothing yet, the due day is today or later;
 * - exempt: a week without a working day asks for nothing;
 * - none: the branch did not exist that week (founded after its due day, or retired before it began).
 */
export const WEEK_STATUSES = ['reported', 'late', 'missing', 'pending', 'exempt', 'none'] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number];

export interface WeekFacts {
  monday: string;
  /** null: no working day in the week. */
  dueDay: string | null;
  today: string;
  /** The local day the week was first reported, or null. */
  firstReportedOn: string | null;
  /** The branch's life span as local days; null = still active. */
  branchFrom: string;
  branchUntil: string | null;
}

export function weekStatus(f: WeekFacts): WeekStatus {
  if (f.firstReportedOn) return f.dueDay && f.firstReportedOn > f.dueDay ? 'late' : 'reported';
  if (f.dueDay === null) return 'exempt';
  if (f.branchFrom > f.dueDay || (f.branchUntil !== null && f.branchUntil < f.monday)) return 'none';
  return f.today > f.dueDay ? 'missing' : 'pending';
}

/**
 * The weeks whose silent branches are reminded on `today`: those whose due day is the working day
 * before it (so the reminder comes the next working day, once). A server down that day catches up
 * the following days of the same week, never later: a reminder a fortnight late helps nobody.
 */
export function weeksToRemind(
  today: string,
  isWorkday: (day: string) => boolean,
  nextWorkday: (day: string) => string,
): string[] {
  if (!isWorkday(today)) return [];
  const out: string[] = [];
  // A long holiday (春节 2020) may put the working day after a due day three weeks later.
  for (let k = 5; k >= 0; k--) {
    const monday = mondayOf(addDays(today, -7 * k));
    const due = dueDayOf(monday, isWorkday);
    if (!due || due >= today) continue;
    const remindOn = nextWorkday(due);
    if (remindOn <= today && today < addDays(remindOn, 7)) out.push(monday);
  }
  return out;
}
