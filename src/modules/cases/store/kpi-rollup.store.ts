import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { dialectOf, startsWith } from '../../../kernel/db/dialect.js';
import {
  OPEN_STATUSES,
  ROLLUP_FIELDS,
  SUMMARY_KEYS,
  summaryFromValues,
  type CaseSummary,
  type KpiBasis,
  type RollupCounts,
  type RollupField,
  type RollupRow,
  type RollupView,
} from '../domain/index.js';
import { executeReused } from '../../../kernel/db/reuse.js';

/**
 * The KPI rules' fields of a case (a CaseSummary, SUMMARY_KEYS) from its cached `state` JSON, as a
 * select expression and its reading. SQLite picks the 14 fields out in the database (json_extract:
 * at 1,000,000 cases a year's ~31,000 open cases past their deadline, 1.2 s → 1.0 s of the year's
 * dashboard, against parsing whole ~1.5 kB states here); PostgreSQL hands over the text, parsed here
 * (its jsonb cast cost ~0.1 ms a case: the year's dashboard at 30,000 cases 557 → 71 ms).
 */
function summarySelect(ex: Executor) {
  return dialectOf(ex) === 'sqlite'
    ? sql<string>`json_extract(state, ${sql.raw(SUMMARY_KEYS.map((k) => `'$.${k}'`).join(', '))})`
    : sql<string>`state`;
}

function summaryOfSelected(selected: string): CaseSummary {
  const parsed = JSON.parse(selected) as unknown[] | Record<string, unknown>;
  // SQLite's json_extract gives a JSON boolean as 1 or 0.
  if (Array.isArray(parsed)) return summaryFromValues(parsed.map((v, i) => (i === ON_TIME ? toBool(v) : v)));
  return summaryFromValues(SUMMARY_KEYS.map((k) => parsed[k]));
}
const ON_TIME = SUMMARY_KEYS.indexOf('firstFeedbackOnTime');
const toBool = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1);

const COLUMN: Record<RollupField, string> = {
  reported: 'reported',
  accepted: 'accepted',
  rejected: 'rejected',
  merged: 'merged',
  dispatched: 'dispatched',
  dueToClose: 'due_to_close',
  closed: 'closed',
  closedOnTime: 'closed_on_time',
  dueToHandle: 'due_to_handle',
  handled: 'handled',
  handledOnTime: 'handled_on_time',
  reworked: 'reworked',
  extended: 'extended',
  handlingMillis: 'handling_millis',
  handlingSamples: 'handling_samples',
  closingMillis: 'closing_millis',
  closingSamples: 'closing_samples',
};

/** On conflict, each count grows by the row that was to be inserted (`excluded`): the same for every call, so built once. */
const ADD_EXCLUDED: Record<string, unknown> = Object.fromEntries(
  ROLLUP_FIELDS.map((f) => [COLUMN[f], sql`case_kpi_days.${sql.ref(COLUMN[f])} + excluded.${sql.ref(COLUMN[f])}`]),
);

const OPEN = OPEN_STATUSES;

/** Whose cases: a unit's area (by community, or by grid) or the cases dispatched to it, in a district. */
export interface KpiScope {
  districtCode: string;
  view: RollupView;
  /** The unit's path. */
  path: string;
  /** The unit is the district: its area also holds the cases in no grid. */
  isDistrict: boolean;
}

export const kpiRollupStore = {
  /** Adds a delta to one row: an upsert that also works when two processes add at once. */
  async add(ex: Executor, districtCode: string, r: RollupRow): Promise<void> {
    const values: Record<string, unknown> = {
      district_code: districtCode,
      basis: r.basis,
      kpi_view: r.view,
      unit_path: r.path,
      day: r.day,
    };
    for (const f of ROLLUP_FIELDS) values[COLUMN[f]] = r.counts[f];
    await executeReused(ex, 'case_kpi_days.add', Object.values(values), () =>
      ex
        .insertInto('case_kpi_days')
        .values(values as never)
        .onConflict((oc) =>
          oc.columns(['district_code', 'basis', 'kpi_view', 'unit_path', 'day']).doUpdateSet(ADD_EXCLUDED as never),
        ),
    );
  },

  async sum(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    days: { fromDay: string; toDay: string },
  ): Promise<RollupCounts> {
    const row = await ex
      .selectFrom('case_kpi_days')
      .select(ROLLUP_FIELDS.map((k) => sql<number>`coalesce(sum(${sql.ref(COLUMN[k])}), 0)`.as(k)))
      .where('district_code', '=', s.districtCode)
      .where('basis', '=', basis)
      .where('kpi_view', '=', s.view)
      .where(startsWith('unit_path', s.path))
      .where('day', '>=', days.fromDay)
      .where('day', '<=', days.toDay)
      .executeTakeFirstOrThrow();
    return countsOf(row);
  },

  /**
   * The period's sums per unit path under a prefix, in one grouped query: the communities of a
   * district ('area') or the grids of a map ('grid'); the caller adds them up per area.
   */
  async sumByPath(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    days: { fromDay: string; toDay: string },
  ): Promise<{ path: string; counts: RollupCounts }[]> {
    const rows = await ex
      .selectFrom('case_kpi_days')
      .select('unit_path')
      .select(ROLLUP_FIELDS.map((k) => sql<number>`sum(${sql.ref(COLUMN[k])})`.as(k)))
      .where('district_code', '=', s.districtCode)
      .where('basis', '=', basis)
      .where('kpi_view', '=', s.view)
      .where(startsWith('unit_path', s.path))
      .where('day', '>=', days.fromDay)
      .where('day', '<=', days.toDay)
      .groupBy('unit_path')
      .execute();
    return rows.map((r) => ({ path: r.unit_path, counts: countsOf(r) }));
  },

  /**
   * The states of the open cases of the scope whose deadline has passed at asOf — the only ones
   * time makes due (dueCounts) — narrowed to the period by deadline (standard) or report (reported).
   * Read along cases_open_due (district, status, deadline …).
   */
  async openPastDeadline(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    period: { from: string; to: string },
    asOf: string,
  ): Promise<CaseSummary[]> {
    let q = ex
      .selectFrom('cases')
      .select(summarySelect(ex).as('summary'))
      .where('district_code', '=', s.districtCode)
      .where('status', 'in', OPEN)
      .where('deadline', '<=', asOf);
    if (basis === 'standard') q = q.where('deadline', '>=', period.from).where('deadline', '<', period.to);
    else q = q.where('reported_at', '>=', period.from).where('reported_at', '<', period.to);
    if (s.view === 'handler') q = q.where(startsWith('assigned_unit_path', s.path));
    else if (!s.isDistrict) q = q.where(startsWith('grid_path', s.path));
    return (await q.execute()).map((r) => summaryOfSelected(r.summary));
  },

  /** The same for an area view, with each case's grid, so that one read serves every area of a map. */
  async openPastDeadlineByGrid(
    ex: Executor,
    basis: KpiBasis,
    s: Omit<KpiScope, 'view'>,
    period: { from: string; to: string },
    asOf: string,
  ): Promise<{ gridPath: string | null; summary: CaseSummary }[]> {
    let q = ex
      .selectFrom('cases')
      .select(['grid_path', summarySelect(ex).as('summary')])
      .where('district_code', '=', s.districtCode)
      .where('status', 'in', OPEN)
      .where('deadline', '<=', asOf);
    if (basis === 'standard') q = q.where('deadline', '>=', period.from).where('deadline', '<', period.to);
    else q = q.where('reported_at', '>=', period.from).where('reported_at', '<', period.to);
    if (!s.isDistrict) q = q.where(startsWith('grid_path', s.path));
    return (await q.execute()).map((r) => ({
      gridPath: r.grid_path,
      summary: summaryOfSelected(r.summary),
    }));
  },

  /** Whether the district's roll-up has any row — of a view, when named (one kept before the 'grid' rows has none). */
  async hasRows(ex: Executor, districtCode: string, view?: RollupView): Promise<boolean> {
    let q = ex.selectFrom('case_kpi_days').select('day').where('district_code', '=', districtCode);
    if (view) q = q.where('kpi_view', '=', view);
    return (await q.limit(1).executeTakeFirst()) !== undefined;
  },

  /** Whether a case of the district lies in a grid (then the roll-up must hold 'grid' rows). */
  async anyCaseInGrid(ex: Executor, districtCode: string): Promise<boolean> {
    const r = await ex
      .selectFrom('cases')
      .select('id')
      .where('district_code', '=', districtCode)
      .where('grid_path', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },

  async clear(ex: Executor, districtCode: string): Promise<void> {
    await ex.deleteFrom('case_kpi_days').where('district_code', '=', districtCode).execute();
  },
};

const countsOf = (row: object): RollupCounts =>
  Object.fromEntries(ROLLUP_FIELDS.map((k) => [k, Number((row as Record<string, unknown>)[k] ?? 0)])) as RollupCounts;
