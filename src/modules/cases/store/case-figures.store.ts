import { sql, type ExpressionBuilder } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { DB } from '../../../kernel/db/schema.js';
import { OPEN_STATUSES } from '../domain/index.js';

/**
 * `status IN (…the open statuses…)` written as literals: the partial index cases_open_by_grid
 * (migration 2026-12-11T0100) serves only a query whose WHERE repeats its own list, which bound
 * parameters cannot (case-figures.store.test.ts keeps the two lists equal).
 */
export const openStatusLiterals = () =>
  sql<boolean>`${sql.ref('status')} in (${sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '))})`;

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
  /**
   * The open cases (not 结案, 不予立案 or 合并) under a path, counted per grid path (null: in no grid,
   * counted only when the path is the district's): the map's and dashboard's 在办问题数.
   */
  async openByGrid(ex: Executor, districtCode: string, path: string, isDistrict: boolean) {
    let q = ex
      .selectFrom('cases')
      .select(['grid_path', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('district_code', '=', districtCode)
      // The open statuses by name, as literals: read from the partial index of the open cases alone.
      .where(openStatusLiterals())
      .groupBy('grid_path');
    if (!isDistrict) q = q.where(startsWith('grid_path', path));
    return (await q.execute()).map((r) => ({ gridPath: r.grid_path, count: Number(r.n) }));
  },
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
  /**
   * The cases of an area whose closing may fall due in [from, to): their deadline or their close lies
   * in it (a case's 应结案 instant is one or the other). The KPI rules decide which do, from the state.
   */
  mayFallDue(ex: Executor, q: { districtCode: string; path: string; isDistrict: boolean; from: string; to: string }) {
    let query = ex
      .selectFrom('cases')
      .select(['id', 'case_number', 'description', 'state'])
      .where('district_code', '=', q.districtCode)
      .where((eb) =>
        eb.or([
          eb.and([eb('deadline', '>=', q.from), eb('deadline', '<', q.to)]),
          eb.and([eb('closed_at', '>=', q.from), eb('closed_at', '<', q.to)]),
        ]),
      );
    if (!q.isDistrict) query = query.where(startsWith('grid_path', q.path));
    return query.execute();
  },
};
