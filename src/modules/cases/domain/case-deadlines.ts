import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { CaseState, CaseStatus, TimeLimit } from './case-types.js';

const HOUR_MS = 3_600_000;

export type DeadlineStatus = 'none' | 'on_time' | 'near_overdue' | 'overdue';

/** The states in which the unit's clock runs; elsewhere a case has no deadline status. */
export const CLOCK_RUNNING: ReadonlySet<CaseStatus> = new Set(['dispatched', 'handling']);

/** 预警: remaining working time ≤ ratio × time limit, or ≤ minHours working hours, whichever is larger. */
export interface NearOverdueThresholds {
  ratio: number;
  minHours: number;
}
export const DEFAULT_NEAR_OVERDUE: NearOverdueThresholds = Object.freeze({ ratio: 0.2, minHours: 2 });

/** The working milliseconds of a time limit ('days' are whole working days of the calendar). */
export function timeLimitMillis(limit: TimeLimit, calendar: WorkCalendar): number {
  return limit.unit === 'hours' ? Math.round(limit.value * HOUR_MS) : limit.value * calendar.workdayMillis;
}

/** The instant a time limit runs out when counted from `from`; never before `from`. */
export function addTimeLimit(calendar: WorkCalendar, from: Date, limit: TimeLimit): Date {
  return limit.unit === 'hours'
    ? calendar.addWorkingHours(from, limit.value)
    : calendar.addWorkingDays(from, limit.value);
}

type DeadlineFields = Pick<CaseState, 'status' | 'deadline' | 'timeLimit'>;

function running(state: DeadlineFields): state is DeadlineFields & { deadline: Date } {
  return CLOCK_RUNNING.has(state.status) && state.deadline !== null;
}

/**
 * 'overdue' once `now` is past the deadline (even if no working time has passed since, e.g. on the
 * weekend after a Friday deadline); 'near_overdue' when the working time left is at or under the
 * threshold; 'none' when the unit's clock is not running.
 */
export function deadlineStatus(
  state: DeadlineFields,
  now: Date,
  calendar: WorkCalendar,
  thresholds: NearOverdueThresholds = DEFAULT_NEAR_OVERDUE,
): DeadlineStatus {
  if (!running(state)) return 'none';
  if (now.getTime() > state.deadline.getTime()) return 'overdue';
  const remaining = calendar.workingMillisBetween(now, state.deadline);
  const limit = state.timeLimit ? timeLimitMillis(state.timeLimit, calendar) : 0;
  const threshold = Math.max(thresholds.ratio * limit, thresholds.minHours * HOUR_MS);
  return remaining <= threshold ? 'near_overdue' : 'on_time';
}

/** Working milliseconds past the deadline, or null when the case is not overdue. */
export function overdueWorkingMillis(state: DeadlineFields, now: Date, calendar: WorkCalendar): number | null {
  if (!running(state) || now.getTime() <= state.deadline.getTime()) return null;
  return calendar.workingMillisBetween(state.deadline, now);
}

/**
 * Repeated overdue escalates upward: level 1 as soon as a case is overdue, 2 after another full time
 * limit of working time, 3 after two, capped at maxLevel. Pass the working time past the deadline
 * of an overdue case (0 right after the deadline).
 */
export function escalationLevel(overdueMillis: number, limitMillis: number, maxLevel = 3): number {
  if (!(limitMillis > 0)) return maxLevel;
  return Math.min(maxLevel, 1 + Math.floor(Math.max(0, overdueMillis) / limitMillis));
}

/** The escalation level of a case now: 0 when it is not overdue. */
export function caseEscalationLevel(state: DeadlineFields, now: Date, calendar: WorkCalendar, maxLevel = 3): number {
  const overdue = overdueWorkingMillis(state, now, calendar);
  if (overdue === null) return 0;
  const limit = state.timeLimit ? timeLimitMillis(state.timeLimit, calendar) : 0;
  return escalationLevel(overdue, limit, maxLevel);
}

/**
 * Who hears of an overdue case at each level (for the supervision job): the unit is urged (催办),
 * then the triage level and finally the district leadership are asked to supervise (督办).
 */
export const ESCALATION_LADDER = {
  1: { notice: 'urge', notify: ['assigned_unit'] },
  2: { notice: 'supervise', notify: ['assigned_unit', 'triage'] },
  3: { notice: 'supervise', notify: ['assigned_unit', 'triage', 'supervision_office', 'district_leader'] },
} as const;

/**
 * 按期结案: closed at or before the deadline in force when it closed. A fix on the spot has no
 * deadline and counts as on time.
 */
export function closedOnTime(state: Pick<CaseState, 'status' | 'closedAt' | 'deadline'>): boolean {
  if (state.status !== 'closed' || state.closedAt === null) return false;
  return state.deadline === null || state.closedAt.getTime() <= state.deadline.getTime();
}

/**
 * 按期处置: the unit's first feedback came at or before the deadline then in force (recorded when it
 * happened, since rework and extensions move the deadline later).
 */
export function handledOnTime(
  state: Pick<CaseState, 'firstFeedbackAt' | 'deadline'> & { firstFeedbackOnTime?: boolean | null },
): boolean {
  if (state.firstFeedbackAt === null) return false;
  if (typeof state.firstFeedbackOnTime === 'boolean') return state.firstFeedbackOnTime;
  return state.deadline === null || state.firstFeedbackAt.getTime() <= state.deadline.getTime();
}
