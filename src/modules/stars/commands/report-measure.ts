import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { MeasureReportBody } from '../../../contracts/star-plans.js';
import { reportLinkedTask } from '../../supervision/index.js';
import { tickOffProblems } from '../domain/battle-map.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { loadMeasure } from './update-measure.js';

/**
 * Reports progress on a measure through its task (the task's own rules decide who reports: its lead
 * unit's side); 100 % ticks it off (对账销号) and must carry evidence files.
 */
export async function reportMeasure(
  deps: PlansDeps,
  actor: Actor,
  id: string,
  body: z.output<typeof MeasureReportBody>,
  requestId?: string,
): Promise<{ branchId: string; year: number }> {
  const m = await loadMeasure(deps, deps.database.db, actor, id);
  const problems = tickOffProblems(body);
  if (problems.length) throw new Invalid('star.invalid_report', problems[0]!.message, problems);
  await reportLinkedTask(deps, actor, m.task_id, body, requestId);
  const plan = await planStore.byId(deps.database.db, m.plan_id);
  return { branchId: m.branch_id, year: plan!.year };
}
