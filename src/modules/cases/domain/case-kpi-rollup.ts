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
 * unit), or 'grid' (the case's small grid: the map's and the rankings' grids, read grouped). The area
 * and grid rows are kept by month too ('area_month', 'grid_month', day = YYYYMM): a period reads its
 * whole months from those and only its ragged ends by day (rollupSpans), so a year of the district
 * is 12 × 39 rows instead of 365 × 39, and a month of the map's 491 grids 491 rows instead of ~15,000.
 */
export type RollupView = KpiView | 'grid' | MonthView;
export type MonthView = 'area_month' | 'grid_month';
export const MONTH_VIEW: Readonly<Record<'area' | 'grid', MonthView>> = { area: 'area_month', grid: 'grid_month' };

export interface RollupKey {
  basis: KpiBasis;
  view: RollupView;
  /** The case's community (or the district, for a case in no grid) for 'area'; its grid for 'grid'; its assigned unit for 'handler'. */
  path: string;
  /** Local day, YYYYMMDD; local month, YYYYMM, for a month view. */
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
  const views: ['area' | 'handler' | 'grid', string][] = [['area', place.areaPath]];
  if (place.handlerPath) views.push(['handler', place.handlerPath]);
  if (place.gridPath) views.push(['grid', place.gridPath]);
  const add = (key: RollupKey, counts: Partial<KpiCounts>) => {
    const k = keyOf(key);
    const row = rows.get(k) ?? { ...key, counts: emptyRollupCounts() };
    for (const f of ROLLUP_FIELDS) row.counts[f] += counts[f] ?? 0;
    rows.set(k, row);
  };
  for (const e of kpiEntries(s, calendar)) {
    const day = calendar.localDate(e.at).replaceAll('-', '');
    for (const [view, path] of views) {
      add({ basis: e.basis, view, path, day }, e.counts);
      if (view !== 'handler') add({ basis: e.basis, view: MONTH_VIEW[view], path, day: day.slice(0, 6) }, e.counts);
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

/** Local days [fromDay, toDay] (YYYYMMDD) as the roll-up reads them: whole months, and the days around them. */
export interface RollupSpans {
  /** The day rows' ranges (none, one or two: before and after the whole months). */
  days: { fromDay: string; toDay: string }[];
  /** The whole months inside the period (YYYYMM), read from the month rows. */
  months: { fromMonth: string; toMonth: string } | null;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const dateOf = (day: string) => new Date(Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8)));
const shift = (day: string, n: number) => ymd(new Date(dateOf(day).getTime() + n * 86_400_000));

/** Splits a period of local days into the whole months it holds and the days left around them. */
export function rollupSpans(fromDay: string, toDay: string): RollupSpans {
  if (fromDay > toDay) return { days: [], months: null };
  // The first day of the first whole month, and the last day of the last one.
  const start = fromDay.endsWith('01')
    ? fromDay
    : ymd(new Date(Date.UTC(+fromDay.slice(0, 4), +fromDay.slice(4, 6), 1)));
  const end = shift(toDay, 1).endsWith('01') ? toDay : shift(`${toDay.slice(0, 6)}01`, -1);
  if (start > end) return { days: [{ fromDay, toDay }], months: null };
  const days: RollupSpans['days'] = [];
  if (fromDay < start) days.push({ fromDay, toDay: shift(start, -1) });
  if (end < toDay) days.push({ fromDay: shift(end, 1), toDay });
  return { days, months: { fromMonth: start.slice(0, 6), toMonth: end.slice(0, 6) } };
}
