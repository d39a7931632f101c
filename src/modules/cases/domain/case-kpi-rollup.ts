import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { addToKpiCounts, emptyKpiCounts, type CaseSummary, type KpiCounts } from './case-kpis.js';

/**
 * The part of a case's KPI counts that no longer changes with the passage of time: what has
 * happened (dispatched, handled, closed, reworked …). Kept summed per community and report day, so
 * the district's KPIs add up a few thousand rows instead of scanning every case. What does change
 * with time — "due" because a deadline passed — is counted at query time from the open cases.
 */
export const ROLLUP_FIELDS = [
  'cases',
  'rejected',
  'merged',
  'dispatched',
  'closed',
  'closedOnTime',
  'handled',
  'handledOnTime',
  'reworked',
  'extended',
  'handlingMillis',
  'handlingSamples',
  'closingMillis',
  'closingSamples',
] as const satisfies readonly (keyof KpiCounts)[];
export type RollupField = (typeof ROLLUP_FIELDS)[number];
export type RollupCounts = Record<RollupField, number>;

const END_OF_TIME = new Date(8.64e15);

export function rollupContribution(s: CaseSummary, calendar: WorkCalendar): RollupCounts {
  const c = addToKpiCounts(emptyKpiCounts(), s, { asOf: END_OF_TIME, calendar });
  return Object.fromEntries(ROLLUP_FIELDS.map((f) => [f, c[f]])) as RollupCounts;
}

/** new − old, or null when nothing changed (most actions leave the counts alone). */
export function rollupDelta(before: RollupCounts | null, after: RollupCounts): RollupCounts | null {
  let changed = false;
  const d = {} as RollupCounts;
  for (const f of ROLLUP_FIELDS) {
    d[f] = after[f] - (before?.[f] ?? 0);
    if (d[f] !== 0) changed = true;
  }
  return changed ? d : null;
}

/** What time adds at `asOf`, counted from the cases whose deadline has passed. */
export interface DueCounts {
  /** Not closed (nor rejected/merged), deadline at or before asOf. */
  openPastDeadline: number;
  /** Dispatched, never fed back, deadline at or before asOf (any status but rejected/merged). */
  unhandledPastDeadline: number;
  /** Dispatched or handling, deadline before asOf. */
  overdueOpen: number;
}

/** The full counts at asOf: the rollup sums plus the time-dependent terms; equal to computeKpis over the same cases. */
export function countsAt(rollup: RollupCounts, due: DueCounts): KpiCounts {
  return {
    ...rollup,
    dueToClose: rollup.closed + due.openPastDeadline,
    dueToHandle: rollup.handled + due.unhandledPastDeadline,
    overdueOpen: due.overdueOpen,
  };
}
