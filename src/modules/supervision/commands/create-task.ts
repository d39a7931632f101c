import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { TaskTable, TaskUnitTable } from '../../../kernel/db/schema.js';
import { Forbidden, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type { TaskBody } from '../../../contracts/supervision.js';
import { taskProblems } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { taskStore } from '../store/task.store.js';
import { refreshTreeOf } from './refresh.js';
import { loadVisibleTask, taskAbilities } from './task-access.js';

type TaskInput = z.output<typeof TaskBody>;
/** Sub-tasks nest at most this deep (a district's plans go 4–6 levels). */
export const MAX_DEPTH = 12;

/** The units of a task must be active units of the caller's district. */
async function checkUnits(
  deps: SupervisionDeps,
  ex: Executor,
  districtCode: string,
  input: { leadUnitId: string; cooperatingUnitIds: string[] },
  problems: FieldProblem[],
) {
  const units = await deps.org.unitsByIds(ex, [input.leadUnitId, ...input.cooperatingUnitIds]);
  const check = (id: string, field: string) => {
    const u = units.get(id);
    if (!u || u.districtCode !== districtCode) problems.push({ field, code: 'unit.missing', message: `no unit ${id}` });
    else if (u.status !== 'active')
      problems.push({
        field,
        code: 'task.unit_retired',
        params: { unit: u.name },
        message: `unit ${u.name} is retired`,
      });
  };
  check(input.leadUnitId, 'leadUnitId');
  input.cooperatingUnitIds.forEach((id, i) => {
    if (id === input.leadUnitId)
      problems.push({
        field: `cooperatingUnitIds[${i}]`,
        code: 'task.cooperating_is_lead',
        message: 'the lead unit cannot cooperate',
      });
    else check(id, `cooperatingUnitIds[${i}]`);
  });
  return units;
}

/**
 * How another module's record creates its task (createLinkedTask): that module has authorised the
 * actor for its own record, which stands in for task.manage, and names where the task comes from.
 */
export interface LinkedTaskOptions {
  /** Shown as the task's 来源 (contracts/supervision.ts TASK_SOURCES). */
  source: 'battle_map';
}

/** 交办 a task, or 分解 one into a sub-task; `ex0` runs it inside the caller's transaction (the import). */
export async function createTask(
  deps: SupervisionDeps,
  actor: Actor,
  body: TaskInput,
  requestId?: string,
  ex0?: Executor,
  linked?: LinkedTaskOptions,
): Promise<string> {
  const now = deps.clock.now();
  const run = async (trx: Executor) => {
    let parent: TaskTable | null = null;
    if (body.parentId) {
      parent = await loadVisibleTask(trx, actor, body.parentId).catch(() => {
        throw new Invalid('supervision.parent_not_found', `parent task ${body.parentId} is not visible`, [
          { field: 'parentId', code: 'task.parent_not_visible', message: 'no such task in your data scope' },
        ]);
      });
      if (!taskAbilities(actor, parent, []).decompose)
        throw new Forbidden(
          'supervision.decompose_forbidden',
          'only the supervision office or the lead unit decompose',
        );
    } else if (!linked) {
      authorize(actor, 'task.manage');
    }
    const problems: FieldProblem[] = taskProblems({
      id: 'new',
      start: body.start,
      deadline: body.deadline,
      cadence: body.cadence ?? null,
      reports: [],
      milestones: body.milestones.map((m) => ({ title: m.title, due: m.due, doneOn: null, weight: m.weight })),
      weight: body.weight ?? undefined,
    });
    const units = await checkUnits(deps, trx, actor.districtCode, body, problems);
    if (body.leadLeaderId) {
      const leader = (await deps.org.accountsByIds(trx, [body.leadLeaderId])).get(body.leadLeaderId);
      if (
        !leader ||
        leader.districtCode !== actor.districtCode ||
        !leader.active ||
        !leader.roles.includes('district_leader')
      ) {
        problems.push({
          field: 'leadLeaderId',
          code: 'task.leader_invalid',
          message: 'not an active district leader of the district',
        });
      }
    }
    let source: TaskTable['source'] = linked?.source ?? (body.topicId ? 'topic' : 'manual');
    if (body.itemId) {
      const item = await meetingStore.item(trx, actor.districtCode, body.itemId);
      if (!item) problems.push({ field: 'itemId', code: 'meeting.item_missing', message: 'no such meeting item' });
      else {
        source = item.kind;
        // A review opinion on a key project is tracked as a sub-task of that project.
        if (item.project_id && !body.parentId) parent = (await taskStore.findById(trx, item.project_id)) ?? null;
      }
    }
    if (parent) {
      if (parent.depth + 1 >= MAX_DEPTH)
        problems.push({
          field: 'parentId',
          code: 'task.too_deep',
          params: { max: MAX_DEPTH },
          message: `at most ${MAX_DEPTH} levels`,
        });
      if (body.start < parent.start_on)
        problems.push({
          field: 'start',
          code: 'task.starts_before_parent',
          params: { parentStart: parent.start_on },
          message: `starts before the parent task (${parent.start_on})`,
        });
      if (body.deadline > parent.deadline_on)
        problems.push({
          field: 'deadline',
          code: 'task.due_after_parent',
          params: { parentDeadline: parent.deadline_on },
          message: `due after the parent task (${parent.deadline_on})`,
        });
    }
    if (body.topicId && !(await meetingStore.topicExists(trx, actor.districtCode, body.topicId)))
      problems.push({ field: 'topicId', code: 'topic.missing', message: 'no such consultation topic' });
    if (problems.length) throw new Invalid('supervision.invalid_task', problems[0].message, problems);

    const id = newId(now.getTime());
    const treePath = `${parent?.tree_path ?? '/'}${id}/`;
    const lead = units.get(body.leadUnitId)!;
    await taskStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      kind: body.kind,
      source,
      parent_id: parent?.id ?? null,
      root_id: parent?.root_id ?? id,
      tree_path: treePath,
      depth: parent ? parent.depth + 1 : 0,
      item_id: body.itemId ?? null,
      topic_id: body.topicId ?? null,
      title: body.title,
      description: body.description ?? null,
      lead_leader_id: body.leadLeaderId ?? parent?.lead_leader_id ?? null,
      lead_unit_id: lead.id,
      lead_unit_path: lead.path,
      cooperating_unit_ids: JSON.stringify(body.cooperatingUnitIds),
      start_on: body.start,
      deadline_on: body.deadline,
      cadence: body.cadence ? JSON.stringify(body.cadence) : null,
      weight: body.weight ?? null,
      status: 'on_track',
      status_reasons: '[]',
      progress: 0,
      status_on: '0000-00-00',
      completed_on: null,
      missing_notified_due: null,
      version: 1,
      created_by: actor.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const unitRows = new Map<string, TaskUnitTable>();
    unitRows.set(lead.id, { task_id: id, unit_id: lead.id, unit_path: lead.path, role: 'lead' });
    for (const cid of body.cooperatingUnitIds) {
      const u = units.get(cid)!;
      unitRows.set(u.id, { task_id: id, unit_id: u.id, unit_path: u.path, role: 'coop' });
    }
    if (parent) {
      // Whoever owes the task above keeps sight of its decomposition.
      for (const u of await taskStore.leadAndUpUnits(trx, parent.id))
        if (!unitRows.has(u.unit_id))
          unitRows.set(u.unit_id, { task_id: id, unit_id: u.unit_id, unit_path: u.unit_path, role: 'up' });
    }
    await taskStore.insertUnits(trx, [...unitRows.values()]);
    await taskStore.insertMilestones(
      trx,
      body.milestones.map((m, i) => ({
        id: newId(now.getTime()),
        district_code: actor.districtCode,
        task_id: id,
        seq: i + 1,
        title: m.title,
        due_on: m.due,
        done_on: null,
        done_by: null,
        weight: m.weight ?? null,
        missed_notified_at: null,
      })),
    );
    const accounts = (
      await deps.org.accountsCovering(trx, lead.path, ['subdistrict_staff', 'community_worker', 'unit_handler'])
    )
      .filter((a) => a.unitId === lead.id)
      .map((a) => a.id);
    await notify(trx, {
      accountIds: [...accounts, ...(body.leadLeaderId ? [body.leadLeaderId] : [])],
      districtCode: actor.districtCode,
      kind: 'task.assigned',
      title: `【交办任务】${body.title}`,
      body: `牵头单位：${lead.name}；完成时限：${body.deadline}${body.milestones.length ? `；时间节点 ${body.milestones.length} 个` : ''}。`,
      entityType: 'task',
      entityId: id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      at: now,
      requestId,
      summary: `${parent ? '分解' : '交办'}任务「${body.title}」`,
    });
    await refreshTreeOf(deps, trx, treePath, now);
    return id;
  };
  return ex0 ? run(ex0) : deps.database.db.transaction().execute(run);
}
