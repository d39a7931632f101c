import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith, withSqliteIndex } from '../../../kernel/db/dialect.js';
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
import { openStatusLiterals } from './case-figures.store.js';

/**
 * What dueCounts reads of the open cases past their deadline, from columns alone: every one of them is
 * in the partial index of the open cases cases_open_due_fields (migration 2026-12-12T0100), so the read
 * touches no table row and parses no state; and the cases come grouped by what the rule depends on
 * (see DueSummary), each group as one of its cases and how many it holds — at 1,000,000 cases a year's
 * ~31,000 such cases are a few thousand groups (reading them one by one cost ~0.2 s, their states
 * parsed ~0.3 s more). The WHERE names the open statuses as literals, as the partial index requires.
 */
export interface DueGroup {
  gridPath: string | null;
  /** One case of the group (each field taken from a case of the group; they count alike). */
  summary: DueSummary;
  count: number;
}

interface DueRow {
  grid_path: string | null;
  n: number | string;
  status: string;
  deadline: string | null;
  reported_at: string;
  dispatched_at: string | null;
  first_feedback_at: string | null;
  rework_count: number | string;
  extension_count: number | string;
}

const date = (v: string | null) => (v === null ? null : new Date(v));

function dueGroupOf(r: DueRow): DueGroup {
  return {
    gridPath: r.grid_path,
    count: Number(r.n),
    summary: {
      status: r.status as DueSummary['status'],
      // Open (the query's statuses): never closed, whatever a reopened case's last close was.
      closedAt: null,
      deadline: date(r.deadline),
      reportedAt: new Date(r.reported_at),
      dispatchedAt: date(r.dispatched_at),
      firstFeedbackAt: date(r.first_feedback_at),
      reworkCount: Number(r.rework_count),
      extensionCount: Number(r.extension_count),
    },
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

/** The query of the open cases past their deadline, read from the partial covering index (on SQLite by name: see withSqliteIndex). */
function openPastDeadlineCompiled(...a: Parameters<typeof openPastDeadlineQuery>) {
  return withSqliteIndex(a[0], openPastDeadlineQuery(...a).compile(), 'cases', 'cases_open_due_fields');
}

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
    .select((eb) => [
      'grid_path',
      eb.fn.countAll<number | string>().as('n'),
      // Within a group these agree on what dueCounts reads: any case's value serves (see DueSummary).
      eb.fn.max('status').as('status'),
      eb.fn.max('deadline').as('deadline'),
      eb.fn.min('reported_at').as('reported_at'),
      eb.fn.max('dispatched_at').as('dispatched_at'),
      eb.fn.max('first_feedback_at').as('first_feedback_at'),
      eb.fn.max('rework_count').as('rework_count'),
      eb.fn.max('extension_count').as('extension_count'),
    ])
    .where('district_code', '=', s.districtCode)
    .where(openStatusLiterals())
    .where('deadline', '<=', asOf);
  if (basis === 'standard') q = q.where('deadline', '>=', period.from).where('deadline', '<', period.to);
  else q = q.where('reported_at', '>=', period.from).where('reported_at', '<', period.to);
  if (s.view === 'handler') q = q.where(startsWith('assigned_unit_path', s.path));
  else if (!s.isDistrict) q = q.where(startsWith('grid_path', s.path));
  return q.groupBy([
    'grid_path',
    'status',
    sql`deadline < ${asOf}`,
    sql`rework_count > 0`,
    sql`extension_count > 0`,
    sql`dispatched_at is null`,
    sql`first_feedback_at is null`,
  ]);
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
   * (dueCounts) — narrowed to the period by deadline (standard) or report (reported), grouped by what
   * dueCounts reads, each group with its grid (one read serves every area of a map).
   */
  async openPastDeadline(
    ex: Executor,
    basis: KpiBasis,
    s: KpiScope,
    period: { from: string; to: string },
    asOf: string,
  ): Promise<DueGroup[]> {
    return ((await ex.executeQuery(openPastDeadlineCompiled(ex, basis, s, period, asOf))).rows as DueRow[]).map(
      dueGroupOf,
    );
  },

  /** The query both read, for a test of its plan. */
  openPastDeadlineQuery: (...a: Parameters<typeof openPastDeadlineQuery>) => openPastDeadlineCompiled(...a),

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
