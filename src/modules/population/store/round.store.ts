import type { Selectable } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { PopRoundHouseholdTable, PopRoundTable, PopVisitTable } from '../../../kernel/db/schema.js';
import { rollupStore } from './rollup.store.js';

export type RoundRow = Selectable<PopRoundTable>;
export type VisitRow = Selectable<PopVisitTable>;
export type RoundHouseholdRow = Selectable<PopRoundHouseholdTable>;

/** Door-knocking rounds, their visits, and each household's state in a round. */
export const roundStore = {
  async insert(ex: Executor, row: PopRoundTable): Promise<void> {
    await ex.insertInto('pop_rounds').values(row).execute();
  },

  async byId(ex: Executor, id: string): Promise<RoundRow | undefined> {
    return ex.selectFrom('pop_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Rounds that overlap the actor's scope: the round's scope lies inside it, or contains it (a grid
   * worker sees the community's round).
   */
  async overlapping(ex: Executor, districtCode: string, scopePath: string): Promise<RoundRow[]> {
    const ancestors = scopePath
      .split('/')
      .filter(Boolean)
      .map((_, i, ids) => `/${ids.slice(0, i + 1).join('/')}/`);
    return ex
      .selectFrom('pop_rounds')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where((eb) => eb.or([startsWith('scope_path', scopePath), eb('scope_path', 'in', ancestors)]))
      .orderBy('starts_on', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  },

  async insertVisit(ex: Executor, row: PopVisitTable): Promise<void> {
    await ex.insertInto('pop_visits').values(row).execute();
  },

  async visit(ex: Executor, id: string): Promise<VisitRow | undefined> {
    return ex.selectFrom('pop_visits').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async visits(
    ex: Executor,
    roundId: string,
    f: { householdId?: string; gridId?: string; path: string },
  ): Promise<VisitRow[]> {
    let q = ex
      .selectFrom('pop_visits')
      .selectAll()
      .where('round_id', '=', roundId)
      .where(startsWith('grid_path', f.path));
    if (f.householdId) q = q.where('household_id', '=', f.householdId);
    if (f.gridId) q = q.where('grid_id', '=', f.gridId);
    return q.orderBy('visited_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  },

  async state(ex: Executor, roundId: string, householdId: string): Promise<RoundHouseholdRow | undefined> {
    return ex
      .selectFrom('pop_round_households')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('household_id', '=', householdId)
      .executeTakeFirst();
  },

  /**
   * Writes a household's state in a round; `counted` (the household is active) adds the change to
   * its grid's visited / verified / absent-only counts in the coverage roll-up.
   */
  async putState(
    ex: Executor,
    row: PopRoundHouseholdTable,
    prior: RoundHouseholdRow | undefined,
    counted: boolean,
  ): Promise<void> {
    if (!prior) await ex.insertInto('pop_round_households').values(row).execute();
    else
      await ex
        .updateTable('pop_round_households')
        .set(row)
        .where('round_id', '=', row.round_id)
        .where('household_id', '=', row.household_id)
        .execute();
    if (counted)
      await rollupStore.addRoundGrid(ex, row.round_id, row.grid_id, {
        visited: prior ? 0 : 1,
        verified: row.verified - (prior?.verified ?? 0),
        absentOnly: row.absent_only - (prior?.absent_only ?? 0),
      });
  },

  /** The states of a grid's households in a round (what the door list shows), or of some of them. */
  async statesOfGrid(
    ex: Executor,
    roundId: string,
    gridId: string,
    householdIds?: readonly string[],
  ): Promise<Pick<RoundHouseholdRow, 'household_id' | 'visits' | 'last_result' | 'last_visited_at'>[]> {
    if (householdIds && !householdIds.length) return [];
    const q = ex
      .selectFrom('pop_round_households')
      .select(['household_id', 'visits', 'last_result', 'last_visited_at'])
      .where('round_id', '=', roundId)
      .where('grid_id', '=', gridId);
    // Some doors: seeks in the (round, grid, household) index, not a walk of the round's states.
    return (householdIds ? q.where('household_id', 'in', [...householdIds]) : q).execute();
  },

  async attachFiles(ex: Executor, visitId: string, fileIds: readonly string[]): Promise<void> {
    if (!fileIds.length) return;
    await ex
      .insertInto('pop_visit_files')
      .values(fileIds.map((file_id) => ({ file_id, visit_id: visitId })))
      .onConflict((oc) => oc.column('file_id').doNothing())
      .execute();
  },

  async visitOfFile(ex: Executor, fileId: string): Promise<VisitRow | undefined> {
    return ex
      .selectFrom('pop_visit_files as f')
      .innerJoin('pop_visits as v', 'v.id', 'f.visit_id')
      .selectAll('v')
      .where('f.file_id', '=', fileId)
      .executeTakeFirst();
  },
};
