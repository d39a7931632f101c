import { completedOn, type AssessmentPeriod, type UnitFacts } from './assessment.js';
import { reportPeriods } from './cadence.js';
import { reportsUpTo, type Task } from './task-types.js';

/**
 * What one task adds to its lead unit's assessment facts, by the local date each fact falls on:
 * milestones on their due date, report periods on theirs, the task's deadline on its own. Summing
 * these over a period with the rules of {@link factsFromDays} gives exactly what unitFacts counts,
 * as long as nothing is dated after `today` (reports and completions never are): so the facts can
 * be kept as running sums per unit and day, updated whenever a task changes, and a quarter's
 * assessment reads ~90 rows per unit instead of every task, milestone and report.
 */
export interface DayFacts {
  milestonesDue: number;
  milestonesOnTime: number;
  reportPeriodsDue: number;
  reportPeriodsReported: number;
  tasksDue: number;
  /** Tasks due that day that were not complete by their deadline. */
  tasksLate: number;
}

export const DAY_FACT_KEYS = [
  'milestonesDue',
  'milestonesOnTime',
  'reportPeriodsDue',
  'reportPeriodsReported',
  'tasksDue',
  'tasksLate',
] as const;

const zero = (): DayFacts => ({
  milestonesDue: 0,
  milestonesOnTime: 0,
  reportPeriodsDue: 0,
  reportPeriodsReported: 0,
  tasksDue: 0,
  tasksLate: 0,
});

/** The task's own contributions (its sub-tasks count for their own lead units), as of `today`. */
export function taskDayFacts(task: Task, today: string): Map<string, DayFacts> {
  const out = new Map<string, DayFacts>();
  const at = (d: string) => {
    let f = out.get(d);
    if (!f) {
      f = zero();
      out.set(d, f);
    }
    return f;
  };
  for (const m of task.milestones) {
    const f = at(m.due);
    f.milestonesDue++;
    if (m.doneOn !== null && m.doneOn <= m.due && m.doneOn <= today) f.milestonesOnTime++;
  }
  if (task.cadence) {
    const dates = reportsUpTo(task.reports, today).map((r) => r.date);
    for (const p of reportPeriods(task.cadence, task.start, task.deadline, task.deadline)) {
      const f = at(p.due);
      f.reportPeriodsDue++;
      if (dates.some((d) => d >= p.from && d <= p.due)) f.reportPeriodsReported++;
    }
  }
  const f = at(task.deadline);
  f.tasksDue++;
  const done = completedOn(task, today);
  if (done === null || done > task.deadline) f.tasksLate++;
  return out;
}

/** Per-day difference new − old, leaving out days that did not change. */
export function diffDayFacts(
  before: ReadonlyMap<string, DayFacts>,
  after: ReadonlyMap<string, DayFacts>,
): Map<string, DayFacts> {
  const out = new Map<string, DayFacts>();
  for (const day of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(day) ?? zero();
    const b = after.get(day) ?? zero();
    const d = zero();
    let any = false;
    for (const k of DAY_FACT_KEYS) {
      d[k] = b[k] - a[k];
      if (d[k] !== 0) any = true;
    }
    if (any) out.set(day, d);
  }
  return out;
}

/** Compact storage: day → six counts. */
export function dayFactsToJson(m: ReadonlyMap<string, DayFacts>): string {
  return JSON.stringify(
    Object.fromEntries(
      [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, f]) => [d, DAY_FACT_KEYS.map((k) => f[k])]),
    ),
  );
}

export function dayFactsFromJson(json: string | null): Map<string, DayFacts> {
  const out = new Map<string, DayFacts>();
  if (!json) return out;
  for (const [d, arr] of Object.entries(JSON.parse(json) as Record<string, number[]>)) {
    const f = zero();
    DAY_FACT_KEYS.forEach((k, i) => {
      f[k] = arr[i] ?? 0;
    });
    out.set(d, f);
  }
  return out;
}

/**
 * A unit's facts for a period from its per-day sums, seen as of `asOf`: milestones due up to asOf,
 * report periods and deadlines only once passed (due < asOf) — the same cut unitFacts makes.
 */
export function factsFromDays(
  unitId: string,
  days: Iterable<[string, DayFacts]>,
  period: AssessmentPeriod,
  asOf: string,
  qualityMarks: readonly number[] = [],
): UnitFacts {
  const end = asOf < period.to ? asOf : period.to;
  const f: UnitFacts = {
    unitId,
    milestonesDue: 0,
    milestonesOnTime: 0,
    reportPeriodsDue: 0,
    reportPeriodsReported: 0,
    overdueTasks: 0,
    qualityMarks,
  };
  for (const [d, x] of days) {
    if (d < period.from || d > period.to) continue;
    if (d <= end) {
      f.milestonesDue += x.milestonesDue;
      f.milestonesOnTime += x.milestonesOnTime;
    }
    if (d < asOf) {
      f.reportPeriodsDue += x.reportPeriodsDue;
      f.reportPeriodsReported += x.reportPeriodsReported;
      f.overdueTasks += x.tasksLate;
    }
  }
  return f;
}
