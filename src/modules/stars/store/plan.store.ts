import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { StarPlanMeasureTable, StarPlanTable } from '../../../kernel/db/schema.js';

/** Battle maps and their measures (queries only; the task behind a measure is supervision's). */
export const planStore = {
  async find(ex: Executor, branchId: string, year: number): Promise<StarPlanTable | undefined> {
    return ex
      .selectFrom('star_plans')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('year', '=', year)
      .executeTakeFirst();
  },
  async byId(ex: Executor, id: string): Promise<StarPlanTable | undefined> {
    return ex.selectFrom('star_plans').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** The plans of a year of the branches under a path. */
  async under(ex: Executor, districtCode: string, year: number, path: string): Promise<StarPlanTable[]> {
    return ex
      .selectFrom('star_plans')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .where(startsWith('branch_path', path))
      .execute();
  },
  async insert(ex: Executor, row: StarPlanTable): Promise<void> {
    await ex.insertInto('star_plans').values(row).execute();
  },
  async update(
    ex: Executor,
    id: string,
    set: Pick<StarPlanTable, 'stars' | 'note' | 'updated_by' | 'updated_at'>,
  ): Promise<void> {
    await ex
      .updateTable('star_plans')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },
  async measures(ex: Executor, planIds: readonly string[]): Promise<StarPlanMeasureTable[]> {
    if (planIds.length === 0) return [];
    return ex
      .selectFrom('star_plan_measures')
      .selectAll()
      .where('plan_id', 'in', [...planIds])
      .orderBy('plan_id')
      .orderBy('seq')
      .execute();
  },
  async measure(ex: Executor, id: string): Promise<StarPlanMeasureTable | undefined> {
    return ex.selectFrom('star_plan_measures').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async measuresOfTeams(ex: Executor, teamIds: readonly string[]): Promise<StarPlanMeasureTable[]> {
    if (teamIds.length === 0) return [];
    return ex
      .selectFrom('star_plan_measures')
      .selectAll()
      .where('team_id', 'in', [...teamIds])
      .orderBy('created_at')
      .execute();
  },
  async nextSeq(ex: Executor, planId: string): Promise<number> {
    const r = await ex
      .selectFrom('star_plan_measures')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },
  async insertMeasure(ex: Executor, row: StarPlanMeasureTable): Promise<void> {
    await ex.insertInto('star_plan_measures').values(row).execute();
  },
  async updateMeasure(
    ex: Executor,
    id: string,
    set: Partial<Pick<StarPlanMeasureTable, 'star_key' | 'owner_name' | 'owner_account_id' | 'team_id'>> &
      Pick<StarPlanMeasureTable, 'updated_at'>,
  ): Promise<void> {
    await ex.updateTable('star_plan_measures').set(set).where('id', '=', id).execute();
  },
};
