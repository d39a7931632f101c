import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import {
  emptyRollupCounts,
  MONTH_VIEW,
  rollupSpans,
  ROLLUP_FIELDS,
  type DueSummary,
  type KpiBasis,
  type RollupCounts,
  type RollupField,
  type RollupRow,
  type RollupView,
} from '../domain/index.js';
import { executeReused } from '../../../kernel/db/reuse.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { openStatusLiterals } from './case-figures.store.js';

/**
 * What dueCounts reads of an open case past its deadline, from columns alone: every one of them is in
 * the partial index of the open cases cases_open_due_fields (migration 2026-12-12T0100), so the read
 * touches no table row and parses no state (at 1,000,000 cases a year's ~31,000 such cases cost ~0.3 s
 * of the dashboard while their states were parsed). The WHERE names the open statuses as literals,
 * as the partial index requires.
 */
const DUE_FIELDS = [
  'status',
  'deadline',
  'reported_at',
  'dispatched_at',
  'first_feedback_at',
  'rework_count',
  'extension_count',
] as const;

type DueRow = Pick<CaseTable, (typeof DUE_FIELDS)[number]>;

const date = (v: string | null) => (v === null ? null : new Date(v));

function dueSummaryOf(r: DueRow): DueSummary {
  return {
    status: r.status as DueSummary['status'],
    // Open (the query's statuses): never closed, whatever a reopened case's last close was.
    closedAt: null,
    deadline: date(r.deadline),
    reportedAt: new Date(r.reported_at),
    dispatchedAt: date(r.dispatched_at),
    firstFeedbackAt: date(r.first_feedback_at),
    reworkCount: Number(r.rework_count),
    extensionCount: Number(r.extension_count),
  };
}

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

/** Whose cases: a unit's area (by community, or by grid) or the cases dispatched to it, in a district. */
export interface KpiScope {
  districtCode: string;
  view: RollupView;
  /** The unit's path. */
  path: string;
  /** The unit is the district: its area also holds the cases in no grid. */
  isDistrict: boolean;
}

function openPastDeadlineQuery(
  ex: Executor,
  basis: KpiBasis,
  s: KpiScope,
  period: { from: string; to: string },
  asOf: string,
) {
  let q = ex
    .selectFrom('cases')
    .select(['grid_path', ...DUE_FIELDS])
    .where('district_code', '=', s.districtCode)
    .where(openStatusLiterals())
    .where('deadline', '<=', asOf);
  if (basis === 'standard') q = q.where('deadline', '>=', period.from).where('deadline', '<', period.to);
  else q = q.where('reported_at', '>=', period.from).where('reported_at', '<', period.to);
  if (s.view === 'handler') q = q.where(startsWith('assigned_unit_path', s.path));
  else if (!s.isDistrict) q = q.where(startsWith('grid_path', s.path));
  return q;
}

/**
 * Which rows a period of days reads: an area's or a grid's whole months from its month rows and the
 * days around them from its day rows (rollupSpans); a handler's days from its day rows.
 */
function partsOf(view: RollupView, days: { fromDay: string; toDay: string }) {
  if (view !== 'area' && view !== 'grid') return [{ view, from: days.fromDay, to: days.toDay }];
  const spans = rollupSpans(days.fromDay, days.toDay);
  const parts: { view: RollupView; from: string; to: string }[] = spans.days.map((d) => ({
    view,
    from: d.fromDay,
    to: d.toDay,
  }));
  if (spans.months) parts.push({ view: MONTH_VIEW[view], from: spans.months.fromMonth, to: spans.months.toMonth });
  return parts;
}

const addInto = (into: RollupCounts, c: RollupCounts) => {
  for (const f of ROLLUP_FIELDS) into[f] += c[f];
};

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
    const total = emptyRollupCounts();
    for (const part of partsOf(s.view, days)) {
      const row = await ex
        .selectFrom('case_kpi_days')
        .select(ROLLUP_FIELDS.map((k) => sql<number>`coalesce(sum(${sql.ref(COLUMN[k])}), 0)`.as(k)))
        .where('district_code', '=', s.districtCode)
        .where('basis', '=', basis)
        .where('kpi_view', '=', part.view)
        .where(startsWith('unit_path', s.path))
        .where('day', '>=', part.from)
        .where('day', '<=', part.to)
        .executeTakeFirstOrThrow();
      addInto(total, countsOf(row));
    }
    return total;
  },

  /**
   * The period's sums per unit path under a prefix, in one grouped query per span (rollupSpans): the
   * communities of a district ('area') or the grids of a map ('grid'); the caller adds them up per area.
   */
  async sumByPath(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    days: { fromDay: string; toDay: string },
  ): Promise<{ path: string; counts: RollupCounts }[]> {
    const byPath = new Map<string, RollupCounts>();
    for (const part of partsOf(s.view, days)) {
      const rows = await ex
        .selectFrom('case_kpi_days')
        .select('unit_path')
        .select(ROLLUP_FIELDS.map((k) => sql<number>`sum(${sql.ref(COLUMN[k])})`.as(k)))
        .where('district_code', '=', s.districtCode)
        .where('basis', '=', basis)
        .where('kpi_view', '=', part.view)
        .where(startsWith('unit_path', s.path))
        .where('day', '>=', part.from)
        .where('day', '<=', part.to)
        .groupBy('unit_path')
        .execute();
      for (const r of rows) {
        const cur = byPath.get(r.unit_path);
        if (cur) addInto(cur, countsOf(r));
        else byPath.set(r.unit_path, countsOf(r));
      }
    }
    return [...byPath].map(([path, counts]) => ({ path, counts }));
  },

  /**
   * The open cases of the scope whose deadline has passed at asOf — the only ones time makes due
   * (dueCounts) — narrowed to the period by deadline (standard) or report (reported): the fields
   * dueCounts reads, from the partial index cases_open_due_fields alone.
   */
  async openPastDeadline(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    period: { from: string; to: string },
    asOf: string,
  ): Promise<DueSummary[]> {
    return (await openPastDeadlineQuery(ex, basis, s, period, asOf).execute()).map(dueSummaryOf);
  },

  /** The same for an area view, with each case's grid, so that one read serves every area of a map. */
  async openPastDeadlineByGrid(
    ex: Executor,
    basis: KpiBasis,
    s: Omit<KpiScope, 'view'>,
    period: { from: string; to: string },
    asOf: string,
  ): Promise<{ gridPath: string | null; summary: DueSummary }[]> {
    const rows = await openPastDeadlineQuery(ex, basis, { ...s, view: 'area' }, period, asOf).execute();
    return rows.map((r) => ({ gridPath: r.grid_path, summary: dueSummaryOf(r) }));
  },

  /** The query both read, for a test of its plan. */
  openPastDeadlineQuery: (...a: Parameters<typeof openPastDeadlineQuery>) => openPastDeadlineQuery(...a).compile(),

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
