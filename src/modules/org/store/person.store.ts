import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { PersonTable } from '../../../kernel/db/schema.js';

export type PersonRow = PersonTable & { unit_name: string; unit_path: string; account_id: string | null };

function base(ex: Executor) {
  return ex
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .select((eb) =>
      eb.selectFrom('accounts as a').select('a.id').whereRef('a.person_id', '=', 'p.id').limit(1).as('account_id'),
    );
}

export const personStore = {
  async findById(ex: Executor, id: string): Promise<PersonRow | undefined> {
    return base(ex).where('p.id', '=', id).executeTakeFirst();
  },

  async list(
    ex: Executor,
    dialect: Dialect,
    f: { scopePath: string; unitPath?: string; kind?: string; q?: string; limit?: number },
  ): Promise<PersonRow[]> {
    let query = base(ex).where(startsWith('u.path', f.unitPath ?? f.scopePath));
    if (f.unitPath && !f.unitPath.startsWith(f.scopePath)) return [];
    if (f.kind) query = query.where('p.kind', '=', f.kind);
    if (f.q) query = query.where(containsText(dialect, 'p.name', f.q));
    return query
      .orderBy('u.path')
      .orderBy('p.name')
      .limit(f.limit ?? 500)
      .execute();
  },

  async gridIdsOf(ex: Executor, personIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!personIds.length) return map;
    const rows = await ex
      .selectFrom('grid_assignments')
      .select(['person_id', 'grid_id'])
      .where('person_id', 'in', personIds)
      .execute();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.grid_id]);
    return map;
  },

  async workersOfGrid(ex: Executor, gridId: string): Promise<PersonRow[]> {
    return base(ex)
      .innerJoin('grid_assignments as g', 'g.person_id', 'p.id')
      .where('g.grid_id', '=', gridId)
      .where('p.status', '=', 'active')
      .orderBy('p.name')
      .execute();
  },

  async insert(ex: Executor, row: PersonTable): Promise<void> {
    await ex.insertInto('people').values(row).execute();
  },

  async update(ex: Executor, id: string, patch: Partial<PersonTable>): Promise<void> {
    await ex.updateTable('people').set(patch).where('id', '=', id).execute();
  },

  async setGrids(ex: Executor, personId: string, districtCode: string, gridIds: string[]): Promise<void> {
    await ex.deleteFrom('grid_assignments').where('person_id', '=', personId).execute();
    if (gridIds.length) {
      await ex
        .insertInto('grid_assignments')
        .values(gridIds.map((grid_id) => ({ person_id: personId, grid_id, district_code: districtCode })))
        .execute();
    }
  },
};
