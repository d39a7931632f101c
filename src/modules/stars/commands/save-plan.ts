import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { PlanBody } from '../../../contracts/star-plans.js';
import { planProblems } from '../domain/battle-map.js';
import { canKeepPlan } from '../domain/plan-access.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { loadBranch, type Branch } from './branch-access.js';
import { starOptionsOf } from './get-battle-map.js';

/** The branch `id` when the actor may keep its battle map (seen, star.report in scope), else refused. */
export async function loadKeptBranch(deps: PlansDeps, ex: Executor, actor: Actor, id: string): Promise<Branch> {
  const branch = await loadBranch(deps, ex, actor, id);
  if (!canKeepPlan(actor, branch.unit.path))
    throw new Forbidden('star.plan_forbidden', 'only the branch’s community keeps its battle map');
  return branch;
}

/** Declares (or revises) the stars a branch goes for in a year (创星目标). */
export async function savePlan(
  deps: PlansDeps,
  actor: Actor,
  branchId: string,
  body: z.output<typeof PlanBody>,
  requestId?: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const branch = await loadKeptBranch(deps, trx, actor, branchId);
    const plan = await planStore.find(trx, branchId, body.year);
    const options = await starOptionsOf(deps, trx, actor.districtCode, branch, body.year);
    const served = new Set((plan ? await planStore.measures(trx, [plan.id]) : []).map((m) => m.star_key));
    const problems = planProblems(body.stars, options?.map((o) => o.key) ?? null, served);
    if (problems.length) throw new Invalid('star.invalid_plan', problems[0]!.message, problems);
    const at = now.toISOString();
    const id = plan?.id ?? newId(now.getTime());
    if (plan) {
      await planStore.update(trx, plan.id, {
        stars: JSON.stringify(body.stars),
        note: body.note ?? null,
        updated_by: actor.accountId,
        updated_at: at,
      });
    } else {
      await planStore.insert(trx, {
        id,
        district_code: actor.districtCode,
        branch_id: branchId,
        branch_path: branch.unit.path,
        year: body.year,
        stars: JSON.stringify(body.stars),
        note: body.note ?? null,
        version: 1,
        created_by: actor.accountId,
        created_at: at,
        updated_by: actor.accountId,
        updated_at: at,
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'star_plan.save',
      entityType: 'star_plan',
      entityId: id,
      at: now,
      requestId,
      summary: `${branch.unit.name} ${body.year} 年作战图：争创 ${body.stars.length} 颗星`,
      ...(plan ? { before: { stars: JSON.parse(plan.stars) as string[] } } : {}),
      after: { stars: body.stars },
    });
  });
}
