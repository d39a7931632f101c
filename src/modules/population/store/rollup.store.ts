import { sql } from 'kysely';
import { rebasedPath, startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { CoverageCounts } from '../domain/coverage.js';

/** Active households per small grid (coverage's denominators), with the grid's path for range reads. */
export interface PopGridHouseholdsTable {
  grid_id: string;
  district_code: string;
  grid_path: string;
  households: number;
}

/** Per round and grid: active households visited, verified, and found nobody-in on every visit. */
export interface PopRoundGridsTable {
  round_id: string;
  grid_id: string;
  visited: number;
  verified: number;
  absent_only: number;
}

// A type alias, not an interface: withTables wants an indexable type.
type RollupTables = {
  pop_grid_households: PopGridHouseholdsTable;
  pop_round_grids: PopRoundGridsTable;
};

const rx = (ex: Executor) => ex.withTables<RollupTables>();

export interface RoundGridDelta {
  visited: number;
  verified: number;
  absentOnly: number;
}

/**
 * The coverage roll-up (migration 2026-12-07T1200): kept by placeStore and roundStore in the
 * transaction of every write that changes it (a household added, retired or moved to another grid, a
 * visit recorded), so coverage reads one row per grid instead of counting households and state rows.
 * `rebuild` recomputes it from the base tables (after a bulk load); `fold` is the recompute tests
 * compare it with.
 */
export const rollupStore = {
  async addHouseholds(
    ex: Executor,
    grid: { districtCode: string; gridId: string; gridPath: string },
    delta: number,
  ): Promise<void> {
    if (!delta) return;
    await rx(ex)
      .insertInto('pop_grid_households')
      .values({ grid_id: grid.gridId, district_code: grid.districtCode, grid_path: grid.gridPath, households: delta })
      .onConflict((oc) =>
        oc.column('grid_id').doUpdateSet((eb) => ({
          households: eb('pop_grid_households.households', '+', eb.ref('excluded.households')),
          grid_path: eb.ref('excluded.grid_path'),
        })),
      )
      .execute();
  },

  async addRoundGrid(ex: Executor, roundId: string, gridId: string, d: RoundGridDelta): Promise<void> {
    if (!d.visited && !d.verified && !d.absentOnly) return;
    await rx(ex)
      .insertInto('pop_round_grids')
      .values({
        round_id: roundId,
        grid_id: gridId,
        visited: d.visited,
        verified: d.verified,
        absent_only: d.absentOnly,
      })
      .onConflict((oc) =>
        oc.columns(['round_id', 'grid_id']).doUpdateSet((eb) => ({
          visited: eb('pop_round_grids.visited', '+', eb.ref('excluded.visited')),
          verified: eb('pop_round_grids.verified', '+', eb.ref('excluded.verified')),
          absent_only: eb('pop_round_grids.absent_only', '+', eb.ref('excluded.absent_only')),
        })),
      )
      .execute();
  },

  /**
   * A household's counts leave one grid for another, or leave coverage, or come back, with its visits
   * in every round (`from`/`to` null: not counted, i.e. retired). The caller moves the state rows.
   */
  async moveHousehold(
    ex: Executor,
    householdId: string,
    districtCode: string,
    from: { gridId: string; gridPath: string } | null,
    to: { gridId: string; gridPath: string } | null,
  ): Promise<void> {
    if (from) await rollupStore.addHouseholds(ex, { districtCode, ...from }, -1);
    if (to) await rollupStore.addHouseholds(ex, { districtCode, ...to }, 1);
    const states = await ex
      .selectFrom('pop_round_households')
      .select(['round_id', 'verified', 'absent_only'])
      .where('household_id', '=', householdId)
      .execute();
    for (const s of states) {
      const d = { visited: 1, verified: s.verified, absentOnly: s.absent_only };
      if (from) await rollupStore.addRoundGrid(ex, s.round_id, from.gridId, neg(d));
      if (to) await rollupStore.addRoundGrid(ex, s.round_id, to.gridId, d);
    }
  },

  /** A moved community or grid: its grids' paths rebased (inside the move's transaction). */
  async rebaseGrids(ex: Executor, oldPrefix: string, newPrefix: string): Promise<void> {
    await rx(ex)
      .updateTable('pop_grid_households')
      .set({ grid_path: rebasedPath('grid_path', oldPrefix, newPrefix) })
      .where(startsWith('grid_path', oldPrefix))
      .execute();
  },

  /** Coverage counts of a round per grid under a path, from the roll-up (grids with households or visits). */
  async coverage(
    ex: Executor,
    districtCode: string,
    roundId: string,
    path: string,
  ): Promise<Map<string, CoverageCounts>> {
    // Two reads joined here rather than a join in SQL: each is a range of a key (no plan to go wrong
    // on a table the planner has no statistics for yet), a few hundred rows for a whole district.
    const [grids, visits] = await Promise.all([
      rx(ex)
        .selectFrom('pop_grid_households')
        .select(['grid_id', 'households'])
        .where('district_code', '=', districtCode)
        .where(startsWith('grid_path', path))
        .execute(),
      rx(ex)
        .selectFrom('pop_round_grids')
        .select(['grid_id', 'visited', 'verified', 'absent_only'])
        .where('round_id', '=', roundId)
        .execute(),
    ]);
    const visitsOf = new Map(visits.map((v) => [v.grid_id, v]));
    const out = new Map<string, CoverageCounts>();
    for (const g of grids) {
      const v = visitsOf.get(g.grid_id);
      const c = {
        households: Number(g.households),
        visited: Number(v?.visited ?? 0),
        verified: Number(v?.verified ?? 0),
        absentOnly: Number(v?.absent_only ?? 0),
      };
      if (c.households || c.visited) out.set(g.grid_id, c);
    }
    return out;
  },

  /** The roll-up recomputed from the base tables: what the stored one must equal. */
  async fold(ex: Executor): Promise<{ grids: PopGridHouseholdsTable[]; rounds: PopRoundGridsTable[] }> {
    const grids = await ex
      .selectFrom('pop_households')
      .select((eb) => [
        'grid_id',
        eb.fn.max('district_code').as('district_code'),
        eb.fn.max('grid_path').as('grid_path'),
        eb.fn.countAll<number>().as('households'),
      ])
      .where('status', '=', 'active')
      .groupBy('grid_id')
      .execute();
    const rounds = await ex
      .selectFrom('pop_round_households as s')
      .innerJoin('pop_households as h', 'h.id', 's.household_id')
      .select((eb) => [
        's.round_id',
        'h.grid_id',
        eb.fn.countAll<number>().as('visited'),
        eb.fn.sum<number>('s.verified').as('verified'),
        eb.fn.sum<number>('s.absent_only').as('absent_only'),
      ])
      .where('h.status', '=', 'active')
      .groupBy(['s.round_id', 'h.grid_id'])
      .execute();
    return {
      grids: grids.map((g) => ({ ...g, households: Number(g.households) })),
      rounds: rounds.map((r) => ({
        round_id: r.round_id,
        grid_id: r.grid_id,
        visited: Number(r.visited),
        verified: Number(r.verified),
        absent_only: Number(r.absent_only),
      })),
    };
  },

  /** The stored roll-up, without its empty rows (a grid whose households all left keeps a zero row). */
  async stored(ex: Executor): Promise<{ grids: PopGridHouseholdsTable[]; rounds: PopRoundGridsTable[] }> {
    const grids = await rx(ex).selectFrom('pop_grid_households').selectAll().where('households', '<>', 0).execute();
    const rounds = await rx(ex)
      .selectFrom('pop_round_grids')
      .selectAll()
      .where((eb) => eb.or([eb('visited', '<>', 0), eb('verified', '<>', 0), eb('absent_only', '<>', 0)]))
      .execute();
    return {
      grids: grids.map((g) => ({ ...g, households: Number(g.households) })),
      rounds: rounds.map((r) => ({
        ...r,
        visited: Number(r.visited),
        verified: Number(r.verified),
        absent_only: Number(r.absent_only),
      })),
    };
  },

  /** Replaces the roll-up by the recompute (after a bulk load of the base tables). */
  async rebuild(ex: Executor): Promise<void> {
    await rx(ex).deleteFrom('pop_round_grids').execute();
    await rx(ex).deleteFrom('pop_grid_households').execute();
    await sql`INSERT INTO pop_grid_households (grid_id, district_code, grid_path, households)
      SELECT grid_id, max(district_code), max(grid_path), sum(CASE WHEN status = 'active' THEN 1 ELSE 0 END)
      FROM pop_households GROUP BY grid_id`.execute(ex);
    await sql`INSERT INTO pop_round_grids (round_id, grid_id, visited, verified, absent_only)
      SELECT s.round_id, h.grid_id, count(*), sum(s.verified), sum(s.absent_only)
      FROM pop_round_households s JOIN pop_households h ON h.id = s.household_id
      WHERE h.status = 'active' GROUP BY s.round_id, h.grid_id`.execute(ex);
  },
};

const neg = (d: RoundGridDelta): RoundGridDelta => ({
  visited: -d.visited,
  verified: -d.verified,
  absentOnly: -d.absentOnly,
});
