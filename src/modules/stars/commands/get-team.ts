import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { maskPhone } from '../../../kernel/privacy/mask.js';
import type { TeamDetail, TeamList, TeamRole, TeamSummary } from '../../../contracts/star-plans.js';
import { taskSummaries } from '../../supervision/index.js';
import { canKeepTeam } from '../domain/plan-access.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { teamStore, type LoadedTeam } from '../store/team.store.js';
import { loadVisibleTeam } from './save-team.js';

async function summarise(deps: PlansDeps, ex: Executor, teams: LoadedTeam[]) {
  const measures = await planStore.measuresOfTeams(
    ex,
    teams.map((t) => t.row.id),
  );
  const summaries = await taskSummaries(
    ex,
    measures.map((m) => m.task_id),
  );
  const units = await deps.org.unitsByIds(ex, [
    ...teams.flatMap((t) => [...t.branches.map((b) => b.branch_id), ...t.grids.map((g) => g.grid_id)]),
  ]);
  const name = (id: string) => units.get(id)?.name ?? '';
  const summary = (t: LoadedTeam): TeamSummary => {
    const mine = measures.filter((m) => m.team_id === t.row.id);
    const roleCounts: Record<string, number> = {};
    for (const m of t.members) roleCounts[m.role] = (roleCounts[m.role] ?? 0) + 1;
    return {
      id: t.row.id,
      name: t.row.name,
      leaderName: t.row.leader_name,
      branches: t.branches
        .map((b) => ({ id: b.branch_id, name: name(b.branch_id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      memberCount: t.members.length,
      roleCounts,
      gridCount: t.grids.length,
      measureCount: mine.length,
      measuresDone: mine.filter((m) => summaries.get(m.task_id)?.status === 'done').length,
    };
  };
  return { measures, summaries, name, summary };
}

/** The action teams with a branch in the actor's scope (optionally: of one branch). */
export async function listTeams(deps: PlansDeps, actor: Actor, branchId?: string): Promise<TeamList> {
  const ex = deps.database.db;
  const teams = await teamStore.load(ex, await teamStore.idsUnder(ex, actor.districtCode, actor.scopePath, branchId));
  const { summary } = await summarise(deps, ex, teams);
  return { items: teams.map(summary) };
}

/** One team: members (phones masked), grids, the battle-map measures it takes on, whether the actor keeps it. */
export async function teamDetail(deps: PlansDeps, actor: Actor, id: string): Promise<TeamDetail> {
  const ex = deps.database.db;
  const team = await loadVisibleTeam(ex, actor, id);
  const { measures, summaries, name, summary } = await summarise(deps, ex, [team]);
  const leader = team.row.leader_account_id
    ? (await deps.org.accountsByIds(ex, [team.row.leader_account_id])).get(team.row.leader_account_id)
    : undefined;
  return {
    ...summary(team),
    leaderAccount: team.row.leader_account_id ? { id: team.row.leader_account_id, name: leader?.name ?? '' } : null,
    note: team.row.note,
    version: team.row.version,
    updatedAt: team.row.updated_at,
    members: team.members.map((m) => ({
      id: m.id,
      kind: m.kind as 'account' | 'unit' | 'volunteer',
      accountId: m.account_id,
      unitId: m.unit_id,
      name: m.name,
      phone: maskPhone(m.phone),
      role: m.role as TeamRole,
      grid: m.grid_id ? { id: m.grid_id, name: name(m.grid_id) } : null,
    })),
    grids: team.grids.map((g) => ({ id: g.grid_id, name: name(g.grid_id) })),
    measures: measures.flatMap((m) => {
      const s = summaries.get(m.task_id);
      return s
        ? [
            {
              id: m.id,
              branch: { id: m.branch_id, name: name(m.branch_id) },
              starKey: m.star_key,
              title: s.title,
              ownerName: m.owner_name,
              taskId: m.task_id,
              status: s.status,
              progress: s.progress,
              deadline: s.deadline,
            },
          ]
        : [];
    }),
    can: {
      keep: canKeepTeam(
        actor,
        team.branches.map((b) => b.branch_path),
      ),
    },
  };
}
