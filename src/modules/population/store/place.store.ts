import type { Selectable } from 'kysely';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import type { PopBuildingTable, PopHouseholdTable } from '../../../kernel/db/schema.js';
import { rollupStore } from './rollup.store.js';

export type BuildingRow = Selectable<PopBuildingTable>;
export type HouseholdRow = Selectable<PopHouseholdTable>;

/** A household with what lists show of it: its building's name, head and member count. */
export interface HouseholdListed extends HouseholdRow {
  building_name: string | null;
  head_name: string | null;
  members: number;
}

/** Buildings (楼栋) and households (户): the places of the grid. */
export const placeStore = {
  async insertBuilding(ex: Executor, row: PopBuildingTable): Promise<void> {
    await ex.insertInto('pop_buildings').values(row).execute();
  },

  async building(ex: Executor, id: string): Promise<BuildingRow | undefined> {
    return ex.selectFrom('pop_buildings').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async buildings(
    ex: Executor,
    dialect: Dialect,
    f: { districtCode: string; path: string; q?: string },
  ): Promise<(BuildingRow & { households: number })[]> {
    let q = ex
      .selectFrom('pop_buildings as b')
      .selectAll('b')
      .select((eb) =>
        eb
          .selectFrom('pop_households as h')
          .whereRef('h.building_id', '=', 'b.id')
          .where('h.status', '=', 'active')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('households'),
      )
      .where('b.district_code', '=', f.districtCode)
      .where(startsWith('b.grid_path', f.path));
    if (f.q) q = q.where(containsText(dialect, 'b.name', f.q));
    const rows = await q.orderBy('b.name').orderBy('b.id').limit(1000).execute();
    return rows.map((r) => ({ ...r, households: Number(r.households ?? 0) }));
  },

  /** Inserts a household and counts it in its grid's coverage roll-up (when active). */
  async insertHousehold(ex: Executor, row: PopHouseholdTable): Promise<void> {
    await ex.insertInto('pop_households').values(row).execute();
    if (row.status === 'active')
      await rollupStore.addHouseholds(
        ex,
        { districtCode: row.district_code, gridId: row.grid_id, gridPath: row.grid_path },
        1,
      );
  },

  async household(ex: Executor, id: string): Promise<HouseholdRow | undefined> {
    return ex.selectFrom('pop_households').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Updates a household; one moved to another grid, retired or brought back takes its counts in the
   * coverage roll-up, and its state rows in every round, along in the same transaction.
   */
  async updateHousehold(ex: Executor, id: string, patch: Partial<PopHouseholdTable>): Promise<void> {
    const placed = patch.grid_id !== undefined || patch.grid_path !== undefined || patch.status !== undefined;
    const before = placed ? await placeStore.household(ex, id) : undefined;
    await ex.updateTable('pop_households').set(patch).where('id', '=', id).execute();
    if (!before) return;
    const after = { ...before, ...patch };
    const at = (h: HouseholdRow) => (h.status === 'active' ? { gridId: h.grid_id, gridPath: h.grid_path } : null);
    const [from, to] = [at(before), at(after)];
    if (from?.gridId === to?.gridId && from?.gridPath === to?.gridPath) return;
    await rollupStore.moveHousehold(ex, id, before.district_code, from, to);
    if (after.grid_id !== before.grid_id)
      await ex
        .updateTable('pop_round_households')
        .set({ grid_id: after.grid_id })
        .where('household_id', '=', id)
        .execute();
  },

  /** Households by id with building name, head and members (for lists and the phone). */
  async listed(ex: Executor, ids: readonly string[]): Promise<Map<string, HouseholdListed>> {
    if (!ids.length) return new Map();
    const rows = await ex
      .selectFrom('pop_households as h')
      .leftJoin('pop_buildings as b', 'b.id', 'h.building_id')
      .selectAll('h')
      .select('b.name as building_name')
      .where('h.id', 'in', [...ids])
      .execute();
    const members = await ex
      .selectFrom('pop_residents')
      .select(['household_id', 'name', 'relation'])
      .where('household_id', 'in', [...ids])
      .where('status', '=', 'active')
      .execute();
    const byHousehold = new Map<string, { name: string; relation: string | null }[]>();
    for (const m of members) {
      const list = byHousehold.get(m.household_id!) ?? [];
      list.push(m);
      byHousehold.set(m.household_id!, list);
    }
    return new Map(
      rows.map((r) => {
        const ms = byHousehold.get(r.id) ?? [];
        return [r.id, { ...r, head_name: ms.find((m) => m.relation === 'head')?.name ?? null, members: ms.length }];
      }),
    );
  },

  /** A page of active households under a path, in address order, after the cursor's (address, id). */
  async page(
    ex: Executor,
    dialect: Dialect,
    f: { districtCode: string; path: string; buildingId?: string; q?: string; after?: [string, string]; limit: number },
  ): Promise<HouseholdRow[]> {
    let q = ex
      .selectFrom('pop_households as h')
      .selectAll('h')
      .where('h.district_code', '=', f.districtCode)
      .where('h.status', '=', 'active')
      .where(startsWith('h.grid_path', f.path));
    if (f.buildingId) q = q.where('h.building_id', '=', f.buildingId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, 'h.address', needle),
          eb.exists(
            eb
              .selectFrom('pop_residents as r')
              .select('r.id')
              .whereRef('r.household_id', '=', 'h.id')
              .where('r.status', '=', 'active')
              .where(containsText(dialect, 'r.name', needle)),
          ),
        ]),
      );
    }
    if (f.after) {
      const [address, id] = f.after;
      q = q.where((eb) =>
        eb.or([eb('h.address', '>', address), eb.and([eb('h.address', '=', address), eb('h.id', '>', id)])]),
      );
    }
    return q.orderBy('h.address').orderBy('h.id').limit(f.limit).execute();
  },

  /**
   * A grid's active households in door order, as the phone's list needs them (id, door, building):
   * all of them, or a page after the cursor's (address, id); `unvisitedIn` keeps only households
   * without a state in that round (走访缺口).
   */
  async ofGrid(
    ex: Executor,
    gridId: string,
    f: { after?: [string, string]; limit?: number; unvisitedIn?: string } = {},
  ): Promise<Pick<HouseholdRow, 'id' | 'address' | 'building_id'>[]> {
    let q = ex
      .selectFrom('pop_households as h')
      .select(['h.id', 'h.address', 'h.building_id'])
      .where('h.grid_id', '=', gridId)
      .where('h.status', '=', 'active');
    if (f.unvisitedIn) {
      const roundId = f.unvisitedIn;
      q = q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('pop_round_households as s')
              .select('s.household_id')
              .where('s.round_id', '=', roundId)
              .whereRef('s.household_id', '=', 'h.id'),
          ),
        ),
      );
    }
    if (f.after) {
      const [address, id] = f.after;
      q = q.where((eb) =>
        eb.or([eb('h.address', '>', address), eb.and([eb('h.address', '=', address), eb('h.id', '>', id)])]),
      );
    }
    q = q.orderBy('h.address').orderBy('h.id');
    return (f.limit ? q.limit(f.limit) : q).execute();
  },

  /** Building names by id, in one read. */
  async buildingNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await ex
      .selectFrom('pop_buildings')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** The household at a door of a grid (the import finds households by grid and 门牌). */
  async byAddress(ex: Executor, gridId: string, address: string): Promise<HouseholdRow | undefined> {
    return ex
      .selectFrom('pop_households')
      .selectAll()
      .where('grid_id', '=', gridId)
      .where('address', '=', address)
      .where('status', '=', 'active')
      .executeTakeFirst();
  },

  async buildingByName(ex: Executor, gridId: string, name: string): Promise<BuildingRow | undefined> {
    return ex
      .selectFrom('pop_buildings')
      .selectAll()
      .where('grid_id', '=', gridId)
      .where('name', '=', name)
      .executeTakeFirst();
  },
};
