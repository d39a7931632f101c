import type { Cadence } from './cadence.js';

/** A 时间节点 of a task. */
export interface Milestone {
  title: string;
  /** Local date the milestone is due (inclusive: done on the due date is on time). */
  due: string;
  /** Local date it was done, null while open. */
  doneOn: string | null;
  /** Relative weight; used by assessment only, not by the status rules. */
  weight?: number;
}

/** One progress report (进度报告) of the lead unit. */
export interface ProgressReport {
  /** Local date of the report. */
  date: string;
  /** Overall progress the unit claims, 0..100. */
  percent: number;
  /** Number of evidence attachments (photos, documents) with the report. */
  evidenceCount: number;
}

/** A task decomposed from a meeting decision or work plan (任务分解), with its sub-tasks. */
export interface Task {
  id: string;
  title?: string;
  /** Local date work starts. */
  start: string;
  /** Local date the task is due (inclusive). */
  deadline: string;
  milestones: readonly Milestone[];
  /** Reporting cadence; null when the task has no regular reports. */
  cadence: Cadence | null;
  reports: readonly ProgressReport[];
  /** Weight among its siblings for the parent's progress roll-up; absent = see rollUpProgress. */
  weight?: number;
  subTasks?: readonly Task[];
}

/** Reports dated on or before `today`, in date order (a later entry wins on the same date). */
export function reportsUpTo(reports: readonly ProgressReport[], today: string): ProgressReport[] {
  return reports
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.date <= today)
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map(({ r }) => r);
}

/** The task's own reported progress as of `today`: the latest report's percent, 0 without reports. */
export function latestPercent(task: Pick<Task, 'reports'>, today: string): number {
  const reports = reportsUpTo(task.reports, today);
  return reports.length === 0 ? 0 : clampPercent(reports[reports.length - 1].percent);
}

export function clampPercent(p: number): number {
  if (!Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}

/** True when the task has at least one milestone and every one was done on or before `today`. */
export function allMilestonesDone(task: Pick<Task, 'milestones'>, today: string): boolean {
  return task.milestones.length > 0 && task.milestones.every((m) => m.doneOn !== null && m.doneOn <= today);
}
