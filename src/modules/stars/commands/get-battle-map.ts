import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { StarPlanMeasureTable } from '../../../kernel/db/schema.js';
import type { BattleMap, MeasureView } from '../../../contracts/star-plans.js';
import { taskSummaries, type LinkedTaskSummary } from '../../supervision/index.js';
import { countMeasures, progressByStar } from '../domain/battle-map.js';
import { canKeepPlan } from '../domain/plan-access.js';
import type { PlansDeps, StarOption } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { teamStore } from '../store/team.store.js';
import { loadBranch, type Branch } from './branch-access.js';

/** Measures with their tasks' summaries, owners', teams' and lead units' names, in a few queries. */
export async function presentMeasures(
  deps: PlansDeps,
  ex: Executor,
  rows: readonly StarPlanMeasureTable[],
): Promise<{ views: MeasureView[]; summaries: Map<string, LinkedTaskSummary> }> {
  const summaries = await taskSummaries(
    ex,
    rows.map((m) => m.task_id),
  );
  const [units, accounts, teams] = await Promise.all([
    deps.org.unitsByIds(
      ex,
      [...summaries.values()].map((s) => s.leadUnitId),
    ),
    deps.org.accountsByIds(
      ex,
      rows.map((m) => m.owner_account_id).filter((x): x is string => !!x),
    ),
    teamStore.load(ex, [...new Set(rows.map((m) => m.team_id).filter((x): x is string => !!x))]),
  ]);
  const teamName = new Map(teams.map((t) => [t.row.id, t.row.name]));
  const views = rows.flatMap((m): MeasureView[] => {
    const s = summaries.get(m.task_id);
    if (!s) return [];
    return [
      {
        id: m.id,
        starKey: m.star_key,
        title: s.title,
        ownerName: m.owner_name,
        ownerAccount: m.owner_account_id
          ? { id: m.owner_account_id, name: accounts.get(m.owner_account_id)?.name ?? '' }
          : null,
        team: m.team_id ? { id: m.team_id, name: teamName.get(m.team_id) ?? '' } : null,
        leadUnit: { id: s.leadUnitId, name: units.get(s.leadUnitId)?.name ?? '' },
        taskId: m.task_id,
        status: s.status,
        statusReasons: s.statusReasons,
        progress: s.progress,
        start: s.start,
        deadline: s.deadline,
        completedOn: s.completedOn,
        reportCount: s.reportCount,
        evidenceCount: s.evidenceCount,
        lastReportedOn: s.lastReportedOn,
        milestoneCount: s.milestoneCount,
        milestonesDone: s.milestonesDone,
      },
    ];
  });
  return { views, summaries };
}

export async function starOptionsOf(
  deps: PlansDeps,
  ex: Executor,
  districtCode: string,
  branch: Branch,
  year: number,
): Promise<StarOption[] | null> {
  return branch.ref.kind ? deps.starOptions(ex, districtCode, year, branch.ref.kind) : null;
}

/** A branch's battle map for a year: its stars, its measures with their tasks' state, done / behind per star. */
export async function battleMap(
  deps: PlansDeps,
  actor: Actor,
  branchId: string,
  year: number,
  ex: Executor = deps.database.db,
): Promise<BattleMap> {
  const branch = await loadBranch(deps, ex, actor, branchId);
  const plan = await planStore.find(ex, branchId, year);
  const rows = plan ? await planStore.measures(ex, [plan.id]) : [];
  const { views } = await presentMeasures(deps, ex, rows);
  const options = (await starOptionsOf(deps, ex, actor.districtCode, branch, year)) ?? [];
  const nameOf = new Map(options.map((o) => [o.key, o.name]));
  const planStars = plan ? (JSON.parse(plan.stars) as string[]) : [];
  const teamIds = await teamStore.idsUnder(ex, actor.districtCode, branch.unit.path, branchId);
  const teams = await teamStore.load(ex, teamIds);
  return {
    branch: branch.ref,
    year,
    plan: plan
      ? { id: plan.id, stars: planStars, note: plan.note, version: plan.version, updatedAt: plan.updated_at }
      : null,
    starOptions: options,
    stars: progressByStar(planStars, views).map((s) => ({ ...s, name: nameOf.get(s.key) ?? s.key })),
    totals: countMeasures(views.map((v) => v.status)),
    measures: views,
    teams: teams.map((t) => ({ id: t.row.id, name: t.row.name })),
    can: { keep: canKeepPlan(actor, branch.unit.path) },
  };
}
