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
};
