import type { Executor } from '../../../kernel/db/db.js';
import type { ProposalCategoryTable } from '../../../kernel/db/schema.js';

/** The proposal category list (类别) of each district. */
export const categoryStore = {
  list(ex: Executor, districtCode: string, onlyActive = false): Promise<ProposalCategoryTable[]> {
    let q = ex.selectFrom('proposal_categories').selectAll().where('district_code', '=', districtCode);
    if (onlyActive) q = q.where('active', '=', 1);
    return q.orderBy('sort_order').orderBy('name').execute();
  },
  findById(ex: Executor, id: string): Promise<ProposalCategoryTable | undefined> {
    return ex.selectFrom('proposal_categories').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByName(ex: Executor, districtCode: string, name: string): Promise<ProposalCategoryTable | undefined> {
    return ex
      .selectFrom('proposal_categories')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('name', '=', name)
      .executeTakeFirst();
  },
  async maxSortOrder(ex: Executor, districtCode: string): Promise<number> {
    const r = await ex
      .selectFrom('proposal_categories')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  },
  async insert(ex: Executor, rows: ProposalCategoryTable[]): Promise<void> {
    if (rows.length) await ex.insertInto('proposal_categories').values(rows).execute();
  },
  async update(
    ex: Executor,
    id: string,
    patch: Partial<Pick<ProposalCategoryTable, 'name' | 'sort_order' | 'active' | 'updated_at'>>,
  ): Promise<void> {
    await ex.updateTable('proposal_categories').set(patch).where('id', '=', id).execute();
  },
};
