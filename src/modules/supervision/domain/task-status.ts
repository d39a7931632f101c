import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { missingReports, type ReportPeriod } from './cadence.js';
import { daysBetween, localDateOf } from '../../../kernel/calendar/index.js';
import { rollUpProgress } from './task-tree.js';
import { allMilestonesDone, type Milestone, type Task } from './task-types.js';

/** 正常推进 / 滞后 / 完成 / 逾期: the contract's statuses, and their names (one table for server and console). */
import type { TaskStatus } from '../../../contracts/supervision.js';
export type { TaskStatus };
export { TASK_STATUS_LABELS as TASK_STATUS_NAMES } from '../../../contracts/supervision.js';

export type StatusReason =
  | 'progress_complete'
  | 'milestones_complete'
  | 'past_deadline'
  | 'milestone_missed'
  | 'report_missing'
  | 'behind_schedule';

/** What the rules look at, computed once from the task and the date. */
export interface StatusFacts {
  today: string;
  /** Rolled-up progress, 0..100. */
  progress: number;
  /** Progress the linear plan expects by today, 0..100. */
  expected: number;
  allMilestonesDone: boolean;
  pastDeadline: boolean;
  missedMilestones: Milestone[];
  missingPeriods: ReportPeriod[];
  behindThreshold: number;
}

export interface StatusRule {
  status: TaskStatus;
  reason: StatusReason;
  /** The rule in words, for the documentation and the UI's tooltip. */
  when: string;
  test: (f: StatusFacts) => boolean;
}

/**
 * The status rules, in precedence order. The status is that of the first group whose rule holds
 * (done, then overdue, then lagging); the reasons are every rule of that status group that holds,
 * plus — for an overdue task — the lagging reasons, which say why it went wrong. No rule: on_track.
 */
export const STATUS_RULES: readonly StatusRule[] = [
  { status: 'done', reason: 'progress_complete', when: 'progress is 100 %', test: (f) => f.progress >= 100 },
  {
    status: 'done',
    reason: 'milestones_complete',
    when: 'the task has milestones and every one is done',
    test: (f) => f.allMilestonesDone,
  },
  {
    status: 'overdue',
    reason: 'past_deadline',
    when: 'today is after the deadline and the task is not done',
    test: (f) => f.pastDeadline,
  },
  {
    status: 'lagging',
    reason: 'milestone_missed',
    when: 'a milestone due before today is not done',
    test: (f) => f.missedMilestones.length > 0,
  },
  {
    status: 'lagging',
    reason: 'report_missing',
    when: 'a reporting period that has ended has no report',
    test: (f) => f.missingPeriods.length > 0,
  },
  {
    status: 'lagging',
    reason: 'behind_schedule',
    when: 'progress is more than the threshold (default 10 points) behind the linear plan from start to deadline',
    test: (f) => f.expected - f.progress > f.behindThreshold,
  },
];

const PRECEDENCE: readonly TaskStatus[] = ['done', 'overdue', 'lagging'];

export interface TaskStatusOptions {
  /** Percentage points progress may trail the linear plan before the task lags. Default 10. */
  behindThreshold?: number;
}

export interface TaskStatusResult {
  status: TaskStatus;
  reasons: StatusReason[];
  facts: StatusFacts;
}

export const DEFAULT_BEHIND_THRESHOLD = 10;

/**
 * Progress the linear plan expects on `today`: 0 on the start date, 100 on the deadline. With a
 * calendar it counts working days, so a long holiday does not make a task look behind.
 */
export function expectedProgress(
  task: Pick<Task, 'start' | 'deadline'>,
  today: string,
  calendar?: WorkCalendar,
): number {
  if (today <= task.start) return 0;
  if (today >= task.deadline) return 100;
  const total = calendar ? calendar.workdaysBetween(task.start, task.deadline) : daysBetween(task.start, task.deadline);
  const elapsed = calendar ? calendar.workdaysBetween(task.start, today) : daysBetween(task.start, today);
  return total <= 0 ? 100 : Math.min(100, Math.max(0, (100 * elapsed) / total));
}

export function statusFacts(
  task: Task,
  today: string,
  calendar?: WorkCalendar,
  options: TaskStatusOptions = {},
): StatusFacts {
  return {
    today,
    progress: rollUpProgress(task, today),
    expected: expectedProgress(task, today, calendar),
    allMilestonesDone: allMilestonesDone(task, today),
    pastDeadline: today > task.deadline,
    missedMilestones: task.milestones.filter((m) => m.due < today && (m.doneOn === null || m.doneOn > today)),
    missingPeriods: task.cadence ? missingReports(task.cadence, task.start, task.deadline, task.reports, today) : [],
    behindThreshold: options.behindThreshold ?? DEFAULT_BEHIND_THRESHOLD,
  };
}

/** Applies STATUS_RULES to facts; exported so the table can be tested without building tasks. */
export function statusFromFacts(facts: StatusFacts): { status: TaskStatus; reasons: StatusReason[] } {
  const holding = STATUS_RULES.filter((r) => r.test(facts));
  for (const status of PRECEDENCE) {
    const own = holding.filter((r) => r.status === status).map((r) => r.reason);
    if (own.length === 0) continue;
    const extra = status === 'overdue' ? holding.filter((r) => r.status === 'lagging').map((r) => r.reason) : [];
    return { status, reasons: [...own, ...extra] };
  }
  return { status: 'on_track', reasons: [] };
}

/**
 * The status of a task on the local date of `now` (the calendar's zone, else Asia/Shanghai).
 * Reports and milestone completions dated after that date are not seen.
 */
export function taskStatus(
  task: Task,
  now: Date,
  calendar?: WorkCalendar,
  options: TaskStatusOptions = {},
): TaskStatusResult {
  const facts = statusFacts(task, localDateOf(now, calendar), calendar, options);
  return { ...statusFromFacts(facts), facts };
}
