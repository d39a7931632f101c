import type { Actor } from '../../../kernel/auth/actor.js';
import type { BranchList, Counts } from '../../../contracts/star-plans.js';
import { taskSummaries } from '../../supervision/index.js';
import { countMeasures, emptyCounts } from '../domain/battle-map.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { teamStore } from '../store/team.store.js';
import { describeBranches } from './branch-access.js';

/** The party branches in the actor's scope with the year's battle-map progress and their teams. */
export async function listBranches(deps: PlansDeps, actor: Actor, year: number): Promise<BranchList> {
  const ex = deps.database.db;
  const under = (await deps.org.unitsUnder(ex, actor.districtCode, actor.scopePath, { kind: 'party_branch' })).filter(
    (u) => u.retiredAt === null,
  );
  const units = [
    ...(
      await deps.org.unitsByIds(
        ex,
        under.map((u) => u.id),
      )
    ).values(),
  ];
  const branches = await describeBranches(deps, ex, units);
  const plans = await planStore.under(ex, actor.districtCode, year, actor.scopePath);
  const measures = await planStore.measures(
    ex,
    plans.map((p) => p.id),
  );
  const summaries = await taskSummaries(
    ex,
    measures.map((m) => m.task_id),
  );
  const teams = await teamStore.countsByBranch(
    ex,
    units.map((u) => u.id),
  );
  const planOf = new Map(plans.map((p) => [p.branch_id, p]));
  const countsOf = new Map<string, Counts>();
  for (const b of branches) {
    const statuses = measures
      .filter((m) => m.branch_id === b.unit.id)
      .flatMap((m) => {
        const s = summaries.get(m.task_id);
        return s ? [s.status] : [];
      });
    countsOf.set(b.unit.id, statuses.length ? countMeasures(statuses) : emptyCounts());
  }
  const items = branches
    .map((b) => ({
      ...b.ref,
      targetStars: planOf.has(b.unit.id) ? (JSON.parse(planOf.get(b.unit.id)!.stars) as string[]) : null,
      totals: countsOf.get(b.unit.id)!,
      teamCount: teams.get(b.unit.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        (a.subdistrict?.name ?? '').localeCompare(b.subdistrict?.name ?? '', 'zh-CN') ||
        (a.parent?.name ?? '').localeCompare(b.parent?.name ?? '', 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  return { year, items };
}
