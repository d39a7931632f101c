import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { FarmlandCaseTable, FarmlandImportTable, FarmlandParcelTable } from '../../../kernel/db/schema.js';

/** Parcels, imports and farmland cases: queries only. */
export const farmlandStore = {
  /** Replaces a village's parcels with the import's. */
  async replaceVillage(ex: Executor, imp: FarmlandImportTable, parcels: FarmlandParcelTable[]): Promise<void> {
    await ex.deleteFrom('farmland_parcels').where('village_id', '=', imp.village_id).execute();
    await ex.insertInto('farmland_imports').values(imp).execute();
    // Geometry text can be long: a few rows per statement keep PostgreSQL's and SQLite's limits far away.
    for (let i = 0; i < parcels.length; i += 50)
      await ex
        .insertInto('farmland_parcels')
        .values(parcels.slice(i, i + 50))
        .execute();
  },
  /** The newest import's id and the number of imports: the lookup index's version. */
  async version(ex: Executor): Promise<string> {
    const r = await ex
      .selectFrom('farmland_imports')
      .select((eb) => [eb.fn.max('id').as('last'), eb.fn.countAll().as('n')])
      .executeTakeFirst();
    return `${r?.last ?? ''}:${Number(r?.n ?? 0)}`;
  },
  /** Every parcel for the lookup index: 永久基本农田 first (the stricter answer wins where they overlap). */
  async allForIndex(ex: Executor) {
    return ex
      .selectFrom('farmland_parcels')
      .select(['id', 'district_code', 'village_id', 'village_path', 'kind', 'code', 'geometry'])
      .orderBy('kind', 'desc')
      .orderBy('id')
      .execute();
  },
  async parcelsUnder(ex: Executor, districtCode: string, path: string) {
    return ex
      .selectFrom('farmland_parcels')
      .select(['id', 'village_id', 'village_path', 'kind', 'code', 'name', 'area_m2', 'outside_village'])
      .where('district_code', '=', districtCode)
      .where(startsWith('village_path', path))
      .orderBy('village_id')
      .orderBy('code')
      .execute();
  },
  async parcelShapesUnder(ex: Executor, districtCode: string, path: string): Promise<FarmlandParcelTable[]> {
    return ex
      .selectFrom('farmland_parcels')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where(startsWith('village_path', path))
      .orderBy('village_id')
      .orderBy('code')
      .execute();
  },
  async insertCase(ex: Executor, row: FarmlandCaseTable): Promise<void> {
    await ex.insertInto('farmland_cases').values(row).execute();
  },
  async findCase(ex: Executor, caseId: string): Promise<FarmlandCaseTable | undefined> {
    return ex.selectFrom('farmland_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  },
  async updateCase(ex: Executor, caseId: string, set: Partial<FarmlandCaseTable>): Promise<void> {
    await ex.updateTable('farmland_cases').set(set).where('case_id', '=', caseId).execute();
  },
  /**
   * Records the district's approval only if none is on record (a conditional update): false when
   * another approval got there first, so a concurrent second one never overwrites the approver.
   */
  async approveCase(
    ex: Executor,
    caseId: string,
    set: Pick<FarmlandCaseTable, 'approved_by' | 'approved_by_name' | 'approved_at' | 'approval_note'>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('farmland_cases')
      .set(set)
      .where('case_id', '=', caseId)
      .where('approved_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async casesOfVillage(ex: Executor, villageId: string): Promise<FarmlandCaseTable[]> {
    return ex.selectFrom('farmland_cases').selectAll().where('village_id', '=', villageId).execute();
  },
  async deleteCases(ex: Executor, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length) await ex.deleteFrom('farmland_cases').where('case_id', 'in', caseIds).execute();
  },
  async markedAmong(ex: Executor, caseIds: readonly string[]): Promise<Set<string>> {
    if (!caseIds.length) return new Set();
    const rows = await ex.selectFrom('farmland_cases').select('case_id').where('case_id', 'in', caseIds).execute();
    return new Set(rows.map((r) => r.case_id));
  },
  async casesUnder(ex: Executor, districtCode: string, path: string): Promise<FarmlandCaseTable[]> {
    return ex
      .selectFrom('farmland_cases')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where(startsWith('village_path', path))
      .orderBy('reported_at', 'desc')
      .execute();
  },
  async lastImports(ex: Executor, districtCode: string, villageIds: string[]) {
    if (!villageIds.length) return new Map<string, string>();
    const rows = await ex
      .selectFrom('farmland_imports')
      .select(['village_id', (eb) => eb.fn.max('imported_at').as('at')])
      .where('district_code', '=', districtCode)
      .where('village_id', 'in', villageIds)
      .groupBy('village_id')
      .execute();
    return new Map(rows.map((r) => [r.village_id, String(r.at)]));
  },
};
