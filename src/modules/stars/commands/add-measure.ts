import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { MeasureBody } from '../../../contracts/star-plans.js';
import { responsibleFor } from '../../duty/index.js';
import { createLinkedTask } from '../../supervision/index.js';
import { measureProblems } from '../domain/battle-map.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';
import { teamStore } from '../store/team.store.js';
import type { Branch } from './branch-access.js';
import { loadKeptBranch } from './save-plan.js';

/** Owner account and team of a measure: an active account of the district; a team of the branch. */
export async function ownerAndTeamProblems(
  deps: PlansDeps,
  ex: Executor,
  actor: Actor,
  branchId: string,
  m: { ownerAccountId?: string | null; teamId?: string | null },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (m.ownerAccountId) {
    const a = (await deps.org.accountsByIds(ex, [m.ownerAccountId])).get(m.ownerAccountId);
    if (!a || !a.active || a.districtCode !== actor.districtCode)
      problems.push({
        field: 'ownerAccountId',
        code: 'battle_measure.owner_unknown',
        message: 'no such active account',
      });
  }
  if (m.teamId) {
    const [team] = await teamStore.load(ex, [m.teamId]);
    if (!team || team.row.district_code !== actor.districtCode || !team.branches.some((b) => b.branch_id === branchId))
      problems.push({
        field: 'teamId',
        code: 'battle_measure.team_not_of_branch',
        message: 'not a team of the branch',
      });
  }
  return problems;
}

/**
 * Who may lead a measure: the branch itself, a unit in the caller's own scope, or a unit that holds a
 * 包联 responsibility for the branch or its community when the measure starts. Not any unit of the district: a measure is
 * a supervision task, counted in its lead unit's assessment.
 */
async function leadProblems(
  deps: PlansDeps,
  ex: Executor,
  actor: Actor,
  branch: Branch,
  leadUnitId: string | null | undefined,
  start: string,
): Promise<FieldProblem[]> {
  if (!leadUnitId || leadUnitId === branch.unit.id) return [];
  const lead = await deps.org.unit(ex, leadUnitId);
  if (lead && lead.districtCode === actor.districtCode && lead.status === 'active') {
    if (lead.path.startsWith(actor.scopePath)) return [];
    // 包联 when the measure starts (or today, for one started already).
    const today = localDateOf(deps.clock.now());
    const day = start > today ? start : today;
    const parentId = branch.parentPath?.split('/').filter(Boolean).pop();
    for (const target of [branch.unit.id, ...(parentId ? [parentId] : [])]) {
      const holders = await responsibleFor(ex, {
        districtCode: actor.districtCode,
        unitId: target,
        day,
        kinds: ['pair'],
      });
      if (holders.some((h) => h.holderType === 'unit' && h.holderId === lead.id)) return [];
    }
  }
  return [
    {
      field: 'leadUnitId',
      code: 'battle_measure.lead_not_allowed',
      message: 'the branch, a unit in your scope or a pair unit of the branch leads a measure',
    },
  ];
}

/**
 * Adds a measure to a branch's battle map: a supervision task led by the branch (or by a 包联 unit,
 * the branch then cooperating so its community keeps sight of it), with the star it serves, its owner
 * and, optionally, the team taking it on. Task and measure are written in one transaction.
 */
export async function addMeasure(
  deps: PlansDeps,
  actor: Actor,
  branchId: string,
  body: z.output<typeof MeasureBody>,
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const branch = await loadKeptBranch(deps, trx, actor, branchId);
    const plan = await planStore.find(trx, branchId, body.year);
    if (!plan)
      throw new Invalid('star.invalid_measure', 'declare the stars of the year first', [
        {
          field: 'year',
          code: 'battle_measure.no_plan',
          params: { year: body.year },
          message: 'no battle map for the year',
        },
      ]);
    const problems = [
      ...measureProblems(body, { year: plan.year, stars: JSON.parse(plan.stars) as string[] }),
      ...(await ownerAndTeamProblems(deps, trx, actor, branchId, body)),
      ...(await leadProblems(deps, trx, actor, branch, body.leadUnitId, body.start)),
    ];
    if (problems.length) throw new Invalid('star.invalid_measure', problems[0]!.message, problems);
    const lead = body.leadUnitId ?? branchId;
    const taskId = await createLinkedTask(
      deps,
      trx,
      actor,
      {
        title: body.title,
        description: body.description ?? null,
        leadUnitId: lead,
        cooperatingUnitIds: lead === branchId ? [] : [branchId],
        start: body.start,
        deadline: body.deadline,
        milestones: body.milestones,
      },
      requestId,
    );
    const id = newId(now.getTime());
    const at = now.toISOString();
    await planStore.insertMeasure(trx, {
      id,
      district_code: actor.districtCode,
      plan_id: plan.id,
      branch_id: branchId,
      star_key: body.starKey,
      task_id: taskId,
      owner_name: body.ownerName,
      owner_account_id: body.ownerAccountId ?? null,
      team_id: body.teamId ?? null,
      seq: await planStore.nextSeq(trx, plan.id),
      created_by: actor.accountId,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      actor,
      action: 'star_plan.measure_add',
      entityType: 'star_plan_measure',
      entityId: id,
      at: now,
      requestId,
      summary: `${branch.unit.name}作战图新增措施「${body.title}」，责任人 ${body.ownerName}`,
    });
    return id;
  });
}
