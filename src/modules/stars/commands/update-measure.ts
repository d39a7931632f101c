import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { StarPlanMeasureTable } from '../../../kernel/db/schema.js';
import type { MeasurePatchBody } from '../../../contracts/star-plans.js';
import { measureProblems } from '../domain/battle-map.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { ownerAndTeamProblems } from './add-measure.js';
import { loadBranch } from './branch-access.js';
import { loadKeptBranch } from './save-plan.js';

/** A measure whose branch the actor sees; otherwise 404. */
export async function loadMeasure(
  deps: PlansDeps,
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<StarPlanMeasureTable> {
  const m = await planStore.measure(ex, id);
  if (!m || m.district_code !== actor.districtCode) throw new NotFound('measure', id);
  await loadBranch(deps, ex, actor, m.branch_id).catch(() => {
    throw new NotFound('measure', id);
  });
  return m;
}

/** Moves a measure to another of the plan's stars, or changes its owner or team. */
export async function updateMeasure(
  deps: PlansDeps,
  actor: Actor,
  id: string,
  body: z.output<typeof MeasurePatchBody>,
  requestId?: string,
): Promise<StarPlanMeasureTable> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const m = await loadMeasure(deps, trx, actor, id);
    const branch = await loadKeptBranch(deps, trx, actor, m.branch_id);
    const plan = await planStore.byId(trx, m.plan_id);
    const problems = [
      ...measureProblems({ starKey: body.starKey }, { year: plan!.year, stars: JSON.parse(plan!.stars) as string[] }),
      ...(await ownerAndTeamProblems(deps, trx, actor, m.branch_id, body)),
    ];
    if (problems.length) throw new Invalid('star.invalid_measure', problems[0]!.message, problems);
    await planStore.updateMeasure(trx, id, {
      ...(body.starKey !== undefined ? { star_key: body.starKey } : {}),
      ...(body.ownerName !== undefined ? { owner_name: body.ownerName } : {}),
      ...(body.ownerAccountId !== undefined ? { owner_account_id: body.ownerAccountId } : {}),
      ...(body.teamId !== undefined ? { team_id: body.teamId } : {}),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'star_plan.measure_update',
      entityType: 'star_plan_measure',
      entityId: id,
      at: now,
      requestId,
      summary: `修改${branch.unit.name}作战图措施`,
      before: { starKey: m.star_key, ownerName: m.owner_name, teamId: m.team_id },
      after: body,
    });
    return m;
  });
}
