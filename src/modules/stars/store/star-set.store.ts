import type { Executor } from '../../../kernel/db/db.js';
import type { StarSetTable } from '../../../kernel/db/schema.js';

/** Versions of the star sets: queries only. */
export const starSetStore = {
  async insert(ex: Executor, row: StarSetTable): Promise<void> {
    await ex.insertInto('star_sets').values(row).execute();
  },
  async byId(ex: Executor, districtCode: string, id: string): Promise<StarSetTable | undefined> {
    return ex
      .selectFrom('star_sets')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  /** Every version of the district's sets, newest first. */
  async versions(ex: Executor, districtCode: string): Promise<StarSetTable[]> {
    return ex
      .selectFrom('star_sets')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('branch_kind')
      .orderBy('version', 'desc')
      .execute();
  },
  async lastVersion(ex: Executor, districtCode: string, branchKind: string): Promise<number> {
    const r = await ex
      .selectFrom('star_sets')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('district_code', '=', districtCode)
      .where('branch_kind', '=', branchKind)
      .executeTakeFirst();
    return Number(r?.v ?? 0);
  },
};
