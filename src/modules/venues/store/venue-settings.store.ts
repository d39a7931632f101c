import type { Executor } from '../../../kernel/db/db.js';
import type { VenueSettingTable } from '../../../kernel/db/schema.js';

/** The two per-district lists a venue uses: its types and the inspection checklist. */
export type SettingList = 'venue_types' | 'venue_check_items';

export const venueSettingsStore = {
  async list(ex: Executor, table: SettingList, districtCode: string): Promise<VenueSettingTable[]> {
    return ex
      .selectFrom(table)
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('seq')
      .orderBy('code')
      .execute();
  },
  async find(ex: Executor, table: SettingList, districtCode: string, code: string) {
    return ex
      .selectFrom(table)
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
  /** Adds the rows the district lacks (by code); returns how many were added. Renamed or retired rows stay as they are. */
  async addMissing(ex: Executor, table: SettingList, rows: VenueSettingTable[]): Promise<number> {
    let added = 0;
    for (const row of rows) {
      const r = await ex
        .insertInto(table)
        .values(row)
        .onConflict((oc) => oc.columns(['district_code', 'code']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  },
  async update(
    ex: Executor,
    table: SettingList,
    districtCode: string,
    code: string,
    set: Partial<Pick<VenueSettingTable, 'name' | 'active'>>,
  ): Promise<void> {
    await ex.updateTable(table).set(set).where('district_code', '=', districtCode).where('code', '=', code).execute();
  },
};
