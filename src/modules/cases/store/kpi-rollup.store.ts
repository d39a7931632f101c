import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import { ROLLUP_FIELDS, type DueCounts, type RollupCounts, type RollupField } from '../domain/index.js';
import { executeReused } from '../../../kernel/db/reuse.js';

const COLUMN: Record<RollupField, string> = {
  cases: 'cases',
  rejected: 'rejected',
  merged: 'merged',
  dispatched: 'dispatched',
  closed: 'closed',
  closedOnTime: 'closed_on_time',
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
  ROLLUP_FIELDS.map((f) => [COLUMN[f], sql`case_kpi_rollup.${sql.ref(COLUMN[f])} + excluded.${sql.ref(COLUMN[f])}`]),
);

const OPEN = [
  'reported',
  'escalated',
  'escalated_district',
  'accepted',
  'dispatched',
  'handling',
  'returned',
  'pending_verification',
];

export interface AreaFilter {
  districtCode: string;
  /** The unit's path; cases in no grid belong to the district's own path. */
  path: string;
  isDistrict: boolean;
  /** Report instants [from, to). */
  from: string;
  to: string;
}

export const kpiRollupStore = {
  /** Adds a delta to one (area, day) row: an upsert that also works when two processes add at once. */
  async add(ex: Executor, districtCode: string, areaPath: string, day: string, d: RollupCounts): Promise<void> {
    const values: Record<string, unknown> = { district_code: districtCode, area_path: areaPath, day };
    for (const f of ROLLUP_FIELDS) values[COLUMN[f]] = d[f];
    await executeReused(ex, 'case_kpi_rollup.add', Object.values(values), () =>
      ex
        .insertInto('case_kpi_rollup')
        .values(values as never)
        .onConflict((oc) => oc.columns(['district_code', 'area_path', 'day']).doUpdateSet(ADD_EXCLUDED as never)),
    );
  },

  async sum(
    ex: Executor,
    f: { districtCode: string; path: string; fromDay: string; toDay: string },
  ): Promise<RollupCounts> {
    const row = await ex
      .selectFrom('case_kpi_rollup')
      .select(ROLLUP_FIELDS.map((k) => sql<number>`coalesce(sum(${sql.ref(COLUMN[k])}), 0)`.as(k)))
      .where('district_code', '=', f.districtCode)
      .where(startsWith('area_path', f.path))
      .where('day', '>=', f.fromDay)
      .where('day', '<=', f.toDay)
      .executeTakeFirstOrThrow();
    return Object.fromEntries(
      ROLLUP_FIELDS.map((k) => [k, Number((row as Record<string, unknown>)[k] ?? 0)]),
    ) as RollupCounts;
  },

  /** The time-dependent terms at asOf, from the few cases past their deadline (indexed). */
  async due(ex: Executor, a: AreaFilter, asOf: string): Promise<DueCounts> {
    /* eslint-disable @typescript-eslint/no-explicit-any -- one area filter shared by three selects whose builder types differ */
    const inArea = (q: any) =>
      q
        .where('district_code', '=', a.districtCode)
        .where('reported_at', '>=', a.from)
        .where('reported_at', '<', a.to)
        .where((eb: any) =>
          a.isDistrict
            ? eb.or([startsWith('grid_path', a.path), eb('grid_path', 'is', null)])
            : startsWith('grid_path', a.path),
        );
    const count = async (q: any) =>
      Number((await q.select((e: any) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const [openPastDeadline, unhandledPastDeadline, overdueOpen] = await Promise.all([
      count(inArea(ex.selectFrom('cases')).where('status', 'in', OPEN).where('deadline', '<=', asOf)),
      count(
        inArea(ex.selectFrom('cases'))
          .where('first_feedback_at', 'is', null)
          .where('deadline', '<=', asOf)
          .where('dispatched_at', 'is not', null)
          .where('status', 'not in', ['rejected', 'merged']),
      ),
      count(
        inArea(ex.selectFrom('cases')).where('status', 'in', ['dispatched', 'handling']).where('deadline', '<', asOf),
      ),
    ]);
    return { openPastDeadline, unhandledPastDeadline, overdueOpen };
  },

  async clear(ex: Executor, districtCode: string): Promise<void> {
    await ex.deleteFrom('case_kpi_rollup').where('district_code', '=', districtCode).execute();
  },
};
