import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { KpiView } from '../../../contracts/cases.js';
import { emptyKpiCounts, kpiEntries, type CaseSummary, type KpiBasis, type KpiCounts } from './case-kpis.js';

/**
 * The settled part of the KPI counts (kpiEntries), kept summed per basis, view, unit path and local
 * day, so that a district's KPIs add up a few thousand rows instead of scanning every case. What
 * hangs on time — an open case falling due as its deadline passes — is counted at query time from
 * the open cases past their deadline (dueCounts).
 */
export const ROLLUP_FIELDS = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'dueToClose',
  'closed',
  'closedOnTime',
  'dueToHandle',
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

/**
 * Whose rows: 'area' (by community, or the district for a case in no grid), 'handler' (the assigned
 * unit), or 'grid' (the case's small grid: the map's and the rankings' grids, read grouped).
 */
export type RollupView = KpiView | 'grid';

export interface RollupKey {
  basis: KpiBasis;
  view: RollupView;
  /** The case's community (or the district, for a case in no grid) for 'area'; its grid for 'grid'; its assigned unit for 'handler'. */
  path: string;
  /** Local day, YYYYMMDD. */
  day: string;
}
export interface RollupRow extends RollupKey {
  counts: RollupCounts;
}

/** Where one case is counted: its area always, its handler while it has one, its grid while it lies in one. */
export interface RollupPlace {
  areaPath: string;
  handlerPath: string | null;
  gridPath?: string | null;
}

export function emptyRollupCounts(): RollupCounts {
  return Object.fromEntries(ROLLUP_FIELDS.map((f) => [f, 0])) as RollupCounts;
}

const keyOf = (k: RollupKey) => `${k.basis}|${k.view}|${k.path}|${k.day}`;

/** One case's rows of the roll-up, summed per key. */
export function rollupRows(s: CaseSummary, place: RollupPlace, calendar: WorkCalendar): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const views: [RollupView, string][] = [['area', place.areaPath]];
  if (place.handlerPath) views.push(['handler', place.handlerPath]);
  if (place.gridPath) views.push(['grid', place.gridPath]);
  for (const e of kpiEntries(s, calendar)) {
    const day = calendar.localDate(e.at).replaceAll('-', '');
    for (const [view, path] of views) {
      const key = { basis: e.basis, view, path, day };
      const k = keyOf(key);
      const row = rows.get(k) ?? { ...key, counts: emptyRollupCounts() };
      for (const f of ROLLUP_FIELDS) row.counts[f] += e.counts[f] ?? 0;
      rows.set(k, row);
    }
  }
  return [...rows.values()];
}

/** after − before per key, leaving out keys that did not change (most steps change one or two). */
export function rollupDeltas(before: readonly RollupRow[], after: readonly RollupRow[]): RollupRow[] {
  const d = new Map<string, RollupRow>();
  const add = (r: RollupRow, sign: 1 | -1) => {
    const k = keyOf(r);
    const row = d.get(k) ?? { basis: r.basis, view: r.view, path: r.path, day: r.day, counts: emptyRollupCounts() };
    for (const f of ROLLUP_FIELDS) row.counts[f] += sign * r.counts[f];
    d.set(k, row);
  };
  for (const r of before) add(r, -1);
  for (const r of after) add(r, 1);
  return [...d.values()].filter((r) => ROLLUP_FIELDS.some((f) => r.counts[f] !== 0));
}

/** The full counts at asOf: the roll-up's sums plus what time added (dueCounts summed over the open cases past their deadline). */
export function countsAt(rollup: RollupCounts, due: Partial<KpiCounts>): KpiCounts {
  const c: KpiCounts = { ...emptyKpiCounts(), ...rollup };
  for (const [k, v] of Object.entries(due) as [keyof KpiCounts, number][]) c[k] += v;
  return c;
}
