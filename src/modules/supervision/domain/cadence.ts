import { addDays, addMonthsClamped } from '../../../kernel/calendar/index.js';
import type { ProgressReport } from './task-types.js';

/** How often the lead unit must report progress, with the first due date. */
export type Cadence =
  | { kind: 'weekly'; firstDue: string }
  | { kind: 'every_n_days'; days: number; firstDue: string }
  | { kind: 'monthly'; firstDue: string };

/**
 * One reporting period: a report dated from `from` to `due` (both inclusive) satisfies it.
 * The first period runs from the task's start to `firstDue`; each next one starts the day after the
 * previous due date.
 */
export interface ReportPeriod {
  index: number;
  from: string;
  due: string;
}

/** Safety stop: 30 years of daily reports. Validation refuses spans that would exceed it. */
export const MAX_PERIODS = 11_000;

/** The k-th due date (k = 0 is firstDue). Monthly dues keep firstDue's day of month, clamped. */
export function nthDue(cadence: Cadence, k: number): string {
  switch (cadence.kind) {
    case 'weekly':
      return addDays(cadence.firstDue, 7 * k);
    case 'every_n_days':
      return addDays(cadence.firstDue, cadence.days * k);
    case 'monthly':
      return addMonthsClamped(cadence.firstDue, k);
  }
}

/**
 * Every reporting period of a task that has started by `today` (from ≤ today), up to the task's
 * deadline: no period is due after the deadline, and the tail between the last due date and the
 * deadline is not a period (the task's final state is judged by its deadline instead).
 */
export function reportPeriods(cadence: Cadence, start: string, deadline: string, today: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  let from = start;
  for (let k = 0; k < MAX_PERIODS; k++) {
    const due = nthDue(cadence, k);
    if (due > deadline || from > today) break;
    // A firstDue before start would give an empty period; skip it rather than demand the impossible.
    if (due >= from) periods.push({ index: periods.length, from, due });
    from = addDays(due, 1);
  }
  return periods;
}

/** A period has ended when its due date is before today: a report on the due date is still on time. */
export function periodEnded(period: ReportPeriod, today: string): boolean {
  return period.due < today;
}

/** Ended periods with no report dated inside them. Reports dated after `today` are ignored. */
export function missingPeriods(
  periods: readonly ReportPeriod[],
  reports: readonly Pick<ProgressReport, 'date'>[],
  today: string,
): ReportPeriod[] {
  const dates = reports
    .map((r) => r.date)
    .filter((d) => d <= today)
    .sort();
  return periods.filter((p) => periodEnded(p, today) && !hasDateIn(dates, p.from, p.due));
}

/** Convenience: the missing periods of a cadence between start and today. */
export function missingReports(
  cadence: Cadence,
  start: string,
  deadline: string,
  reports: readonly Pick<ProgressReport, 'date'>[],
  today: string,
): ReportPeriod[] {
  return missingPeriods(reportPeriods(cadence, start, deadline, today), reports, today);
}

function hasDateIn(sorted: readonly string[], from: string, to: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= to;
}
