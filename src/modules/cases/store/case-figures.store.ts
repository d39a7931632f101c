import type { ExpressionBuilder } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { DB } from '../../../kernel/db/schema.js';

/** Which closed cases a figure counts: closed in [from, to) (ISO instants), located under `path`. */
export interface ClosedCasesQuery {
  districtCode: string;
  path: string;
  from: string;
  to: string;
  /** Category codes: a code matches itself and its 小类 (prefix). */
  categories?: readonly string[];
}

const categoryFilter = (categories: readonly string[]) => (eb: ExpressionBuilder<DB, 'cases'>) =>
  eb.or(categories.map((c) => startsWith('category_code', c)));

function closedCases(ex: Executor, q: ClosedCasesQuery) {
  let query = ex
    .selectFrom('cases')
    .where('district_code', '=', q.districtCode)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', q.from)
    .where('closed_at', '<', q.to)
    .where(startsWith('grid_path', q.path));
  if (q.categories?.length) query = query.where(categoryFilter(q.categories));
  return query;
}

/** Cases counted by area and time, for the figures report forms and work indicators take. */
export const caseFigureStore = {
  async closedCount(ex: Executor, q: ClosedCasesQuery): Promise<number> {
    const r = await closedCases(ex, q)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  closed(ex: Executor, q: ClosedCasesQuery, limit: number) {
    return closedCases(ex, q)
      .select(['id', 'case_number', 'description', 'closed_at'])
      .orderBy('closed_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
};
