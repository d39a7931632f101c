import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type {
  StarTeamBranchTable,
  StarTeamGridTable,
  StarTeamMemberTable,
  StarTeamTable,
} from '../../../kernel/db/schema.js';

export interface LoadedTeam {
  row: StarTeamTable;
  branches: StarTeamBranchTable[];
  members: StarTeamMemberTable[];
  grids: StarTeamGridTable[];
}

/** Action teams (聚力团) with their branches, members and grids (queries only). */
export const teamStore = {
  /** Ids of the teams with a branch under `path` (optionally: with this branch). */
  async idsUnder(ex: Executor, districtCode: string, path: string, branchId?: string): Promise<string[]> {
    let q = ex
      .selectFrom('star_team_branches as b')
      .innerJoin('star_teams as t', 't.id', 'b.team_id')
      .select('b.team_id')
      .distinct()
      .where('t.district_code', '=', districtCode)
      .where(startsWith('b.branch_path', path));
    if (branchId) q = q.where('b.branch_id', '=', branchId);
    return (await q.execute()).map((r) => r.team_id);
  },
  async load(ex: Executor, ids: readonly string[]): Promise<LoadedTeam[]> {
    if (ids.length === 0) return [];
    const list = [...ids];
    const [rows, branches, members, grids] = await Promise.all([
      ex.selectFrom('star_teams').selectAll().where('id', 'in', list).orderBy('created_at').orderBy('id').execute(),
      ex.selectFrom('star_team_branches').selectAll().where('team_id', 'in', list).execute(),
      ex.selectFrom('star_team_members').selectAll().where('team_id', 'in', list).orderBy('seq').execute(),
      ex.selectFrom('star_team_grids').selectAll().where('team_id', 'in', list).execute(),
    ]);
    return rows.map((row) => ({
      row,
      branches: branches.filter((b) => b.team_id === row.id),
      members: members.filter((m) => m.team_id === row.id),
      grids: grids.filter((g) => g.team_id === row.id),
    }));
  },
  /** Teams per branch, for the branch list. */
  async countsByBranch(ex: Executor, branchIds: readonly string[]): Promise<Map<string, number>> {
    if (branchIds.length === 0) return new Map();
    const rows = await ex
      .selectFrom('star_team_branches')
      .select(['branch_id', sql<number>`count(*)`.as('n')])
      .where('branch_id', 'in', [...branchIds])
      .groupBy('branch_id')
      .execute();
    return new Map(rows.map((r) => [r.branch_id, Number(r.n)]));
  },
  async insert(ex: Executor, row: StarTeamTable): Promise<void> {
    await ex.insertInto('star_teams').values(row).execute();
  },
  async update(
    ex: Executor,
    id: string,
    set: Pick<StarTeamTable, 'name' | 'leader_name' | 'leader_account_id' | 'note' | 'updated_at'>,
  ): Promise<void> {
    await ex
      .updateTable('star_teams')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },
  /** Replaces the team's branches, members and grids. */
  async replaceParts(
    ex: Executor,
    teamId: string,
    parts: { branches: StarTeamBranchTable[]; members: StarTeamMemberTable[]; grids: StarTeamGridTable[] },
  ): Promise<void> {
    await ex.deleteFrom('star_team_branches').where('team_id', '=', teamId).execute();
    await ex.deleteFrom('star_team_members').where('team_id', '=', teamId).execute();
    await ex.deleteFrom('star_team_grids').where('team_id', '=', teamId).execute();
    if (parts.branches.length) await ex.insertInto('star_team_branches').values(parts.branches).execute();
    // Chunked: a 33-member team of 10 columns stays far under either database's parameter limit anyway.
    for (let i = 0; i < parts.members.length; i += 200)
      await ex
        .insertInto('star_team_members')
        .values(parts.members.slice(i, i + 200))
        .execute();
    if (parts.grids.length) await ex.insertInto('star_team_grids').values(parts.grids).execute();
  },
  /** Measures taken on by the team whose branch is no longer one of its branches lose the team. */
  async releaseMeasuresOutside(ex: Executor, teamId: string, branchIds: readonly string[], at: string) {
    await ex
      .updateTable('star_plan_measures')
      .set({ team_id: null, updated_at: at })
      .where('team_id', '=', teamId)
      .where('branch_id', 'not in', branchIds.length ? [...branchIds] : [''])
      .execute();
  },
};
