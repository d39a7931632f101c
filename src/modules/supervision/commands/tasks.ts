import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, can } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { TaskTable } from '../../../kernel/db/schema.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import { Forbidden, Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type {
  ProgressReportBody,
  TaskBody,
  TaskDetail,
  TaskListQuery,
  TaskStatus,
  TaskSummary,
} from '../../../contracts/supervision.js';
import { TASK_STATUSES } from '../../../contracts/supervision.js';
import { missingReports, reportPeriods, taskProblems, type Cadence } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor, refreshTreeOf } from './refresh.js';
import { loadVisibleTask, taskAbilities, visibleTasks } from './task-access.js';
import { summarize } from './task-presenter.js';

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
    if (!u || u.districtCode !== districtCode) problems.push({ field, message: '单位不存在' });
    else if (u.status !== 'active') problems.push({ field, message: `${u.name}已撤销，不能承担任务` });
  };
  check(input.leadUnitId, 'leadUnitId');
  input.cooperatingUnitIds.forEach((id, i) => {
    if (id === input.leadUnitId)
      problems.push({ field: `cooperatingUnitIds[${i}]`, message: '配合单位不能是牵头单位' });
    else check(id, `cooperatingUnitIds[${i}]`);
  });
  return units;
}

export async function createTask(
  deps: SupervisionDeps,
  actor: Actor,
  body: TaskInput,
  requestId?: string,
  ex0?: Executor,
): Promise<string> {
  const now = deps.clock.now();
  const run = async (trx: Executor) => {
    let parent: TaskTable | null = null;
    if (body.parentId) {
      parent = await loadVisibleTask(trx, actor, body.parentId).catch(() => {
        throw new Invalid('supervision.parent_not_found', '上级任务不存在', [
          { field: 'parentId', message: '上级任务不存在或不在您的数据权限内' },
        ]);
      });
      if (!taskAbilities(actor, parent, []).decompose)
        throw new Forbidden('supervision.decompose_forbidden', '只有督查室或牵头单位可以分解任务');
    } else {
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
        problems.push({ field: 'leadLeaderId', message: '牵头领导须为本区在用的区领导账号' });
      }
    }
    let source: TaskTable['source'] = body.topicId ? 'topic' : 'manual';
    if (body.itemId) {
      const item = await trx
        .selectFrom('meeting_items')
        .selectAll()
        .where('id', '=', body.itemId)
        .where('district_code', '=', actor.districtCode)
        .executeTakeFirst();
      if (!item) problems.push({ field: 'itemId', message: '会议议定事项不存在' });
      else {
        source = item.kind;
        // A review opinion on a key project is tracked as a sub-task of that project.
        if (item.project_id && !body.parentId) {
          parent =
            (await trx.selectFrom('tasks').selectAll().where('id', '=', item.project_id).executeTakeFirst()) ?? null;
        }
      }
    }
    if (parent) {
      if (parent.depth + 1 >= MAX_DEPTH) problems.push({ field: 'parentId', message: `任务分解最多 ${MAX_DEPTH} 级` });
      if (body.start < parent.start_on)
        problems.push({ field: 'start', message: `子任务不能早于上级任务开始（${parent.start_on}）` });
      if (body.deadline > parent.deadline_on)
        problems.push({ field: 'deadline', message: `子任务完成时限不能晚于上级任务（${parent.deadline_on}）` });
    }
    if (body.topicId) {
      const topic = await trx
        .selectFrom('consultation_topics')
        .select('id')
        .where('id', '=', body.topicId)
        .where('district_code', '=', actor.districtCode)
        .executeTakeFirst();
      if (!topic) problems.push({ field: 'topicId', message: '协商计划议题不存在' });
    }
    if (problems.length) throw new Invalid('supervision.invalid_task', problems[0].message, problems);

    const id = newId(now.getTime());
    const treePath = `${parent?.tree_path ?? '/'}${id}/`;
    const lead = units.get(body.leadUnitId)!;
    await trx
      .insertInto('tasks')
      .values({
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
      })
      .execute();
    const unitRows = new Map<string, { unit_id: string; unit_path: string; role: string }>();
    unitRows.set(lead.id, { unit_id: lead.id, unit_path: lead.path, role: 'lead' });
    for (const cid of body.cooperatingUnitIds) {
      const u = units.get(cid)!;
      unitRows.set(u.id, { unit_id: u.id, unit_path: u.path, role: 'coop' });
    }
    if (parent) {
      // Whoever owes the task above keeps sight of its decomposition.
      const above = await trx
        .selectFrom('task_units')
        .selectAll()
        .where('task_id', '=', parent.id)
        .where('role', 'in', ['lead', 'up'])
        .execute();
      for (const u of above)
        if (!unitRows.has(u.unit_id))
          unitRows.set(u.unit_id, { unit_id: u.unit_id, unit_path: u.unit_path, role: 'up' });
    }
    await trx
      .insertInto('task_units')
      .values([...unitRows.values()].map((u) => ({ task_id: id, ...u })))
      .execute();
    if (body.milestones.length) {
      await trx
        .insertInto('task_milestones')
        .values(
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
        )
        .execute();
    }
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

export async function addProgressReport(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  body: z.output<typeof ProgressReportBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, actor, taskId);
    if (!taskAbilities(actor, row, []).report)
      throw new Forbidden('supervision.report_forbidden', '只有牵头单位可以报送进度');
    const cal = await calendarFor(deps, trx, row.district_code);
    const today = cal.localDate(now);
    const problems: FieldProblem[] = [];
    if (today < row.start_on)
      problems.push({ field: 'reportedOn', message: `任务 ${row.start_on} 开始，尚不能报送进度` });
    const milestones = await trx.selectFrom('task_milestones').selectAll().where('task_id', '=', row.id).execute();
    body.milestoneIds.forEach((mid, i) => {
      const m = milestones.find((x) => x.id === mid);
      if (!m) problems.push({ field: `milestoneIds[${i}]`, message: '不是本任务的时间节点' });
      else if (m.done_on)
        problems.push({ field: `milestoneIds[${i}]`, message: `「${m.title}」已于 ${m.done_on} 完成` });
    });
    if (body.fileIds.length) {
      const files = await trx.selectFrom('files').select('id').where('id', 'in', body.fileIds).execute();
      body.fileIds.forEach((f, i) => {
        if (!files.some((x) => x.id === f)) problems.push({ field: `fileIds[${i}]`, message: '附件不存在，请先上传' });
      });
    }
    if (problems.length) throw new Invalid('supervision.invalid_report', problems[0].message, problems);
    const reportId = newId(now.getTime());
    await trx
      .insertInto('task_reports')
      .values({
        id: reportId,
        district_code: row.district_code,
        task_id: row.id,
        reported_on: today,
        percent: body.percent,
        content: body.content,
        file_ids: JSON.stringify(body.fileIds),
        account_id: actor.accountId,
        author_name: actor.displayName,
        unit_id: actor.unitId,
        created_at: now.toISOString(),
      })
      .execute();
    if (body.fileIds.length)
      await trx
        .insertInto('task_report_files')
        .values([...new Set(body.fileIds)].map((f) => ({ file_id: f, task_id: row.id, report_id: reportId })))
        .execute();
    if (body.milestoneIds.length) {
      await trx
        .updateTable('task_milestones')
        .set({ done_on: today, done_by: actor.accountId })
        .where('id', 'in', body.milestoneIds)
        .execute();
    }
    await trx
      .updateTable('tasks')
      .set({ version: row.version + 1, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    if (row.lead_leader_id) {
      await notify(trx, {
        accountIds: [row.lead_leader_id],
        districtCode: row.district_code,
        kind: 'task.progress',
        title: `【进度报告】${row.title} ${body.percent}%`,
        body: body.content,
        entityType: 'task',
        entityId: row.id,
        at: now,
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'task.report',
      entityType: 'task',
      entityId: row.id,
      at: now,
      requestId,
      summary: `报送进度 ${body.percent}%${body.milestoneIds.length ? `，完成时间节点 ${body.milestoneIds.length} 个` : ''}`,
    });
    await refreshTreeOf(deps, trx, row.tree_path, now, cal);
  });
}

export async function completeMilestone(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  milestoneId: string,
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, actor, taskId);
    if (!taskAbilities(actor, row, []).report)
      throw new Forbidden('supervision.report_forbidden', '只有牵头单位可以确认时间节点完成');
    const m = await trx
      .selectFrom('task_milestones')
      .selectAll()
      .where('id', '=', milestoneId)
      .where('task_id', '=', row.id)
      .executeTakeFirst();
    if (!m) throw new NotFound('milestone', milestoneId);
    if (m.done_on)
      throw new Invalid('supervision.milestone_done', `「${m.title}」已于 ${m.done_on} 完成`, [
        { field: 'milestoneId', message: '该时间节点已完成' },
      ]);
    const cal = await calendarFor(deps, trx, row.district_code);
    const today = cal.localDate(now);
    await trx
      .updateTable('task_milestones')
      .set({ done_on: today, done_by: actor.accountId })
      .where('id', '=', m.id)
      .execute();
    await trx
      .updateTable('tasks')
      .set({ version: row.version + 1, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'task.milestone_done',
      entityType: 'task',
      entityId: row.id,
      at: now,
      requestId,
      summary: `时间节点「${m.title}」完成${today > m.due_on ? '（逾期）' : ''}`,
    });
    await refreshTreeOf(deps, trx, row.tree_path, now, cal);
  });
}

export async function taskDetail(
  deps: SupervisionDeps,
  actor: Actor,
  id: string,
  ex: Executor = deps.database.db,
): Promise<TaskDetail> {
  const row = await loadVisibleTask(ex, actor, id);
  const cal = await calendarFor(deps, ex, row.district_code);
  const today = cal.localDate(deps.clock.now());
  const [loaded] = await taskStore.load(ex, [row]);
  const [summary] = await summarize(deps, ex, [row]);
  const ancestorIds = row.tree_path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = ancestorIds.length
    ? await ex
        .selectFrom('tasks')
        .select(['id', 'title', 'depth'])
        .where('id', 'in', ancestorIds)
        .where(visibleTasks(actor))
        .orderBy('depth')
        .execute()
    : [];
  const kids = await ex
    .selectFrom('tasks')
    .selectAll()
    .where('parent_id', '=', row.id)
    .where(visibleTasks(actor))
    .orderBy('deadline_on')
    .orderBy('id')
    .execute();
  const notices = await ex
    .selectFrom('task_notices')
    .selectAll()
    .where('task_id', '=', row.id)
    .orderBy('sent_at', 'desc')
    .execute();
  const noticeUnits = await deps.org.unitsByIds(
    ex,
    notices.map((n) => n.to_unit_id),
  );
  const item = row.item_id
    ? await ex
        .selectFrom('meeting_items as i')
        .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
        .select(['m.id', 'm.title', 'm.held_on'])
        .where('i.id', '=', row.item_id)
        .executeTakeFirst()
    : undefined;
  const opinions =
    row.kind === 'key_project'
      ? await ex
          .selectFrom('meeting_items as i')
          .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
          .leftJoin('tasks as t', 't.item_id', 'i.id')
          .select([
            'i.id',
            'i.content',
            'm.title as meetingTitle',
            'm.held_on as heldOn',
            't.id as taskId',
            't.status as taskStatus',
          ])
          .where('i.project_id', '=', row.id)
          .orderBy('m.held_on')
          .orderBy('i.seq')
          .execute()
      : [];
  const nowIso = deps.clock.now().toISOString();
  const openPaths = notices.filter((n) => n.replied_at === null).map((n) => n.to_unit_path);
  const cadence = row.cadence ? (JSON.parse(row.cadence) as Cadence) : null;
  return {
    ...summary,
    description: row.description,
    itemId: row.item_id,
    meeting: item ? { id: item.id, title: item.title, heldOn: item.held_on } : null,
    topicId: row.topic_id,
    cadence,
    weight: row.weight,
    ancestors: ancestors.map((a) => ({ id: a.id, title: a.title })),
    milestones: loaded.milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      due: m.due_on,
      doneOn: m.done_on,
      weight: m.weight,
      missed: m.due_on < today && (m.done_on === null || m.done_on > m.due_on),
    })),
    reports: [...loaded.reports].reverse().map((r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      percent: r.percent,
      content: r.content,
      fileIds: JSON.parse(r.file_ids) as string[],
      author: r.author_name,
      createdAt: r.created_at,
    })),
    missingReportPeriods: cadence
      ? missingReports(
          cadence,
          row.start_on,
          row.deadline_on,
          loaded.reports.map((r) => ({ date: r.reported_on })),
          today,
        ).map((p) => ({ from: p.from, due: p.due }))
      : [],
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind as 'urge' | 'supervise',
      toUnit: { id: n.to_unit_id, name: noticeUnits.get(n.to_unit_id)?.name ?? '' },
      content: n.content,
      replyDueAt: n.reply_due_at,
      sentBy: n.sent_by_name,
      sentAt: n.sent_at,
      reply: n.reply,
      repliedBy: n.replied_by_name,
      repliedAt: n.replied_at,
      escalatedAt: n.escalated_at,
      overdue: n.replied_at === null ? n.reply_due_at < nowIso : n.replied_at > n.reply_due_at,
    })),
    subTasks: await summarize(deps, ex, kids),
    opinions: opinions.map((o) => ({
      id: o.id,
      content: o.content,
      meetingTitle: o.meetingTitle,
      heldOn: o.heldOn,
      taskId: o.taskId ?? null,
      taskStatus: (o.taskStatus ?? null) as TaskStatus | null,
    })),
    can: taskAbilities(actor, row, openPaths),
    version: row.version,
  };
}

type ListQuery = z.output<typeof TaskListQuery>;

export async function listTasks(deps: SupervisionDeps, actor: Actor, f: ListQuery) {
  const db = deps.database.db;
  let base = db.selectFrom('tasks').where(visibleTasks(actor));
  if (f.view === 'led') base = base.where('tasks.lead_leader_id', '=', actor.accountId);
  if (f.view === 'owed') {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_units as tu')
          .select(sql`1`.as('one'))
          .whereRef('tu.task_id', '=', 'tasks.id')
          .where('tu.role', 'in', ['lead', 'coop'])
          .where(startsWith('tu.unit_path', actor.scopePath)),
      ),
    );
  }
  if (f.kind) base = base.where('tasks.kind', '=', f.kind);
  if (f.roots === 'true') base = base.where('tasks.parent_id', 'is', null);
  if (f.q) base = base.where(containsText(deps.database.dialect, 'tasks.title', f.q));
  const countRows = await base
    .select(['tasks.status', sql<number>`count(*)`.as('n')])
    .groupBy('tasks.status')
    .execute();
  const counts = Object.fromEntries(
    TASK_STATUSES.map((s) => [s, Number(countRows.find((c) => c.status === s)?.n ?? 0)]),
  ) as Record<TaskStatus, number>;
  const statuses = f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status];
  let q = base.selectAll('tasks');
  if (statuses) q = q.where('tasks.status', 'in', statuses);
  if (f.cursor) {
    const [d, id] = f.cursor.split('|');
    if (!d || !id)
      throw new Invalid('supervision.bad_cursor', 'cursor 无效', [{ field: 'cursor', message: 'cursor 无效' }]);
    q = q.where((eb) =>
      eb.or([eb('tasks.deadline_on', '>', d), eb.and([eb('tasks.deadline_on', '=', d), eb('tasks.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('tasks.deadline_on')
    .orderBy('tasks.id')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  return {
    items: await summarize(deps, db, page),
    nextCursor: rows.length > f.limit ? `${page.at(-1)!.deadline_on}|${page.at(-1)!.id}` : null,
    counts,
  };
}

const STATUS_ORDER: Record<string, number> = { overdue: 0, lagging: 1, on_track: 2, done: 3 };

/** 区领导: the tasks I lead, counted by status, lagging and overdue first; and the 督办 on them still open. */
export async function leaderView(deps: SupervisionDeps, actor: Actor) {
  const db = deps.database.db;
  const countRows = await db
    .selectFrom('tasks')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('district_code', '=', actor.districtCode)
    .where('lead_leader_id', '=', actor.accountId)
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(
    TASK_STATUSES.map((s) => [s, Number(countRows.find((c) => c.status === s)?.n ?? 0)]),
  ) as Record<TaskStatus, number>;
  const rows: TaskTable[] = [];
  // One indexed range per status, worst first, until the page is full.
  for (const status of ['overdue', 'lagging', 'on_track', 'done'] as const) {
    if (rows.length >= 100) break;
    rows.push(
      ...(await db
        .selectFrom('tasks')
        .selectAll()
        .where('lead_leader_id', '=', actor.accountId)
        .where('status', '=', status)
        .where('district_code', '=', actor.districtCode)
        .orderBy('deadline_on')
        .orderBy('id')
        .limit(100 - rows.length)
        .execute()),
    );
  }
  rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.deadline_on.localeCompare(b.deadline_on));
  const notices = await db
    .selectFrom('task_notices as n')
    .innerJoin('tasks as t', 't.id', 'n.task_id')
    .selectAll('n')
    .select('t.title as taskTitle')
    .where('t.lead_leader_id', '=', actor.accountId)
    .where('n.replied_at', 'is', null)
    .orderBy('n.reply_due_at')
    .limit(100)
    .execute();
  const units = await deps.org.unitsByIds(
    db,
    notices.map((n) => n.to_unit_id),
  );
  const nowIso = deps.clock.now().toISOString();
  return {
    counts,
    tasks: await summarize(deps, db, rows),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      task: { id: n.task_id, title: n.taskTitle },
      toUnit: { id: n.to_unit_id, name: units.get(n.to_unit_id)?.name ?? '' },
      content: n.content,
      replyDueAt: n.reply_due_at,
      sentBy: n.sent_by_name,
      sentAt: n.sent_at,
      reply: n.reply,
      repliedAt: n.replied_at,
      overdue: n.reply_due_at < nowIso,
    })),
  };
}

export interface OwedItem {
  task: TaskSummary;
  what: 'milestone' | 'report' | 'notice' | 'deadline';
  title: string;
  due: string;
  overdue: boolean;
}

/** 本单位待办: what the caller's unit subtree owes (milestones, progress reports, 督办 replies, deadlines), by when. */
export async function unitView(deps: SupervisionDeps, actor: Actor) {
  const db = deps.database.db;
  const cal = await calendarFor(deps, db, actor.districtCode);
  const now = deps.clock.now();
  const today = cal.localDate(now);
  const rows = await db
    .selectFrom('tasks')
    .selectAll('tasks')
    .where('tasks.district_code', '=', actor.districtCode)
    .where('tasks.status', '!=', 'done')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_units as tu')
          .select(sql`1`.as('one'))
          .whereRef('tu.task_id', '=', 'tasks.id')
          .where('tu.role', '=', 'lead')
          .where(startsWith('tu.unit_path', actor.scopePath)),
      ),
    )
    .orderBy('tasks.deadline_on')
    .limit(500)
    .execute();
  const loaded = await taskStore.load(db, rows);
  const summaries = new Map((await summarize(deps, db, rows)).map((s) => [s.id, s]));
  const notices = rows.length
    ? await db
        .selectFrom('task_notices')
        .selectAll()
        .where(
          'task_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('replied_at', 'is', null)
        .where(startsWith('to_unit_path', actor.scopePath))
        .execute()
    : [];
  const items: OwedItem[] = [];
  for (const t of loaded) {
    const task = summaries.get(t.row.id)!;
    for (const m of t.milestones)
      if (!m.done_on) items.push({ task, what: 'milestone', title: m.title, due: m.due_on, overdue: m.due_on < today });
    if (t.row.cadence) {
      const cadence = JSON.parse(t.row.cadence) as Cadence;
      const dates = t.reports.map((r) => r.reported_on);
      const open = reportPeriods(cadence, t.row.start_on, t.row.deadline_on, t.row.deadline_on).filter(
        (p) => !dates.some((d) => d >= p.from && d <= p.due),
      );
      const missing = open.filter((p) => p.due < today);
      const upcoming = open.find((p) => p.due >= today);
      if (missing.length)
        items.push({
          task,
          what: 'report',
          title: `进度报告（${missing.length} 期未报，最早 ${missing[0].due}）`,
          due: missing[0].due,
          overdue: true,
        });
      if (upcoming)
        items.push({
          task,
          what: 'report',
          title: `进度报告（${upcoming.from} 至 ${upcoming.due}）`,
          due: upcoming.due,
          overdue: false,
        });
    }
    items.push({
      task,
      what: 'deadline',
      title: '任务完成时限',
      due: t.row.deadline_on,
      overdue: t.row.deadline_on < today,
    });
  }
  for (const n of notices) {
    const due = cal.localDate(new Date(n.reply_due_at));
    items.push({
      task: summaries.get(n.task_id)!,
      what: 'notice',
      title: `答复${n.kind === 'supervise' ? '督办' : '催办'}：${n.content.slice(0, 40)}`,
      due,
      overdue: n.reply_due_at < now.toISOString(),
    });
  }
  items.sort((a, b) => a.due.localeCompare(b.due) || a.task.title.localeCompare(b.task.title));
  return { today, items };
}

/** The 区领导 accounts who may lead tasks (for pickers). */
export async function leaders(deps: SupervisionDeps, actor: Actor) {
  if (!can(actor, 'task.read')) throw new Forbidden('auth.permission_denied', 'task.read');
  const list = await deps.org.accountsWithRole(deps.database.db, actor.districtCode, 'district_leader');
  return { items: list.map((a) => ({ id: a.id, name: a.name })) };
}

/** Files module hook: may the actor open a file? Yes when it is evidence of a task the actor sees. */
export async function canActorSeeTaskFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  const links = await ex.selectFrom('task_report_files').select('task_id').where('file_id', '=', fileId).execute();
  for (const l of links) {
    if (
      await ex
        .selectFrom('tasks')
        .select('id')
        .where('id', '=', l.task_id)
        .where(visibleTasks(actor))
        .executeTakeFirst()
    )
      return true;
  }
  return false;
}
