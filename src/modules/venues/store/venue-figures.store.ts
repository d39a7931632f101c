import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';

/** Counts for the dashboard, grouped by the venue's grid path (one query for every area asked). */
export const venueFigureStore = {
  /** Venues of a status under a path now, by grid path. */
  async byStatus(ex: Executor, districtCode: string, path: string, status: string) {
    const rows = await ex
      .selectFrom('venues')
      .select(['grid_path', (eb) => eb.fn.countAll().as('n')])
      .where('district_code', '=', districtCode)
      .where('status', '=', status)
      .where(startsWith('grid_path', path))
      .groupBy('grid_path')
      .execute();
    return rows.map((r) => ({ path: r.grid_path, n: Number(r.n) }));
  },

  /** Inspections made in [from, to) of the venues under a path, passed and all, by the venue's grid path. */
  async inspections(ex: Executor, districtCode: string, path: string, from: string, to: string) {
    const rows = await ex
      .selectFrom('venue_inspections as i')
      .innerJoin('venues as v', 'v.id', 'i.venue_id')
      .select(['v.grid_path', 'i.result', (eb) => eb.fn.countAll().as('n')])
      .where('i.district_code', '=', districtCode)
      .where('i.inspected_at', '>=', from)
      .where('i.inspected_at', '<', to)
      .where(startsWith('v.grid_path', path))
      .groupBy(['v.grid_path', 'i.result'])
      .execute();
    return rows.map((r) => ({ path: r.grid_path, result: r.result, n: Number(r.n) }));
  },

  /** The latest inspections in [from, to) of the venues under a path (inspections' rule, listed), with their venue. */
  async inspectionList(
    ex: Executor,
    f: { districtCode: string; path: string; from: string; to: string; result?: string; limit: number },
  ) {
    let q = ex
      .selectFrom('venue_inspections as i')
      .innerJoin('venues as v', 'v.id', 'i.venue_id')
      .select([
        'i.id',
        'i.inspected_at',
        'i.inspector_id',
        'i.inspector_name',
        'i.result',
        'i.case_id',
        'i.case_number',
        'v.id as venue_id',
        'v.name as venue_name',
        'v.type_code',
        'v.grid_id',
        'v.grid_path',
      ])
      .where('i.district_code', '=', f.districtCode)
      .where('i.inspected_at', '>=', f.from)
      .where('i.inspected_at', '<', f.to)
      .where(startsWith('v.grid_path', f.path));
    if (f.result) q = q.where('i.result', '=', f.result);
    return q.orderBy('i.inspected_at', 'desc').orderBy('i.id', 'desc').limit(f.limit).execute();
  },
};
