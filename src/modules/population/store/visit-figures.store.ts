import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';

/** Door-knocking counted by time and area, for the figures report forms take (any round). */
export const visitFigureStore = {
  /** Distinct households visited in [from, to) on grids under `path`; `results` narrows the visits. */
  async householdsVisited(
    ex: Executor,
    q: { path: string; from: Date; to: Date; results?: readonly string[] },
  ): Promise<number> {
    let query = ex
      .selectFrom('pop_visits')
      .select((eb) => eb.fn.count<string | number>('household_id').distinct().as('n'))
      .where('visited_at', '>=', q.from.toISOString())
      .where('visited_at', '<', q.to.toISOString())
      .where(startsWith('grid_path', q.path));
    if (q.results) query = query.where('result', 'in', [...q.results]);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /**
   * The households `householdsVisited` counts, most recently knocked first (at most `limit`): each
   * with its visits in the period (any result) and its last one.
   */
  async householdsVisitedList(
    ex: Executor,
    q: { path: string; from: Date; to: Date; results?: readonly string[]; limit: number },
  ) {
    const inPeriod = () =>
      ex
        .selectFrom('pop_visits as v')
        .where('v.visited_at', '>=', q.from.toISOString())
        .where('v.visited_at', '<', q.to.toISOString())
        .where(startsWith('v.grid_path', q.path));
    let groups = inPeriod()
      .select(['v.household_id', (eb) => eb.fn.countAll<string | number>().as('visits')])
      .select((eb) => eb.fn.max('v.visited_at').as('last'))
      .groupBy('v.household_id');
    if (q.results) {
      const results = [...q.results];
      groups = groups.where(
        'v.household_id',
        'in',
        inPeriod().select('v.household_id').where('v.result', 'in', results),
      );
    }
    const rows = await groups.orderBy('last', 'desc').orderBy('v.household_id').limit(q.limit).execute();
    if (!rows.length) return [];
    const ids = rows.map((r) => r.household_id);
    const visits = await inPeriod()
      .innerJoin('pop_households as h', 'h.id', 'v.household_id')
      .select(['v.household_id', 'v.visited_at', 'v.result', 'v.visitor_name', 'v.grid_path', 'h.address'])
      .where('v.household_id', 'in', ids)
      .orderBy('v.visited_at')
      .orderBy('v.id')
      .execute();
    const last = new Map(visits.map((v) => [v.household_id, v]));
    return rows.map((r) => ({ visits: Number(r.visits), last: last.get(r.household_id)! }));
  },
};
