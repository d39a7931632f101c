import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { MeetingBody, MeetingItemInput, TopicBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { visibleTasks } from './task-access.js';
import { summarize } from './summarize-tasks.js';

type Meeting = z.output<typeof MeetingBody>;
type Item = z.output<typeof MeetingItemInput>;

async function checkItems(ex: Executor, actor: Actor, items: Item[], prefix: string, problems: FieldProblem[]) {
  const projectIds = items.map((i) => i.projectId).filter((x): x is string => !!x);
  const projects = projectIds.length
    ? await ex
        .selectFrom('tasks')
        .select(['id', 'kind'])
        .where('id', 'in', projectIds)
        .where('district_code', '=', actor.districtCode)
        .execute()
    : [];
  items.forEach((it, i) => {
    if (!it.projectId) return;
    const p = projects.find((x) => x.id === it.projectId);
    if (!p || p.kind !== 'key_project')
      problems.push({ field: `${prefix}[${i}].projectId`, message: '不是本区的重点项目' });
    else if (it.kind !== 'opinion')
      problems.push({ field: `${prefix}[${i}].kind`, message: '对重点项目只能提出评审意见' });
  });
}

export async function createMeeting(deps: SupervisionDeps, actor: Actor, body: Meeting, requestId?: string) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const problems: FieldProblem[] = [];
    const accounts = await deps.org.accountsByIds(trx, [...(body.chairId ? [body.chairId] : []), ...body.attendeeIds]);
    if (body.chairId && accounts.get(body.chairId)?.districtCode !== actor.districtCode)
      problems.push({ field: 'chairId', message: '主持人账号不存在' });
    body.attendeeIds.forEach((id, i) => {
      if (accounts.get(id)?.districtCode !== actor.districtCode)
        problems.push({ field: `attendeeIds[${i}]`, message: '参会人员账号不存在' });
    });
    const units = await deps.org.unitsByIds(trx, body.attendeeUnitIds);
    body.attendeeUnitIds.forEach((id, i) => {
      if (units.get(id)?.districtCode !== actor.districtCode)
        problems.push({ field: `attendeeUnitIds[${i}]`, message: '参会单位不存在' });
    });
    if (
      body.topicId &&
      !(await trx
        .selectFrom('consultation_topics')
        .select('id')
        .where('id', '=', body.topicId)
        .where('district_code', '=', actor.districtCode)
        .executeTakeFirst())
    ) {
      problems.push({ field: 'topicId', message: '协商计划议题不存在' });
    }
    await checkItems(trx, actor, body.items, 'items', problems);
    if (problems.length) throw new Invalid('supervision.invalid_meeting', problems[0].message, problems);
    const id = newId(now.getTime());
    await trx
      .insertInto('meetings')
      .values({
        id,
        district_code: actor.districtCode,
        kind: body.kind,
        title: body.title,
        held_on: body.heldOn,
        chair_id: body.chairId ?? null,
        attendee_ids: JSON.stringify(body.attendeeIds),
        attendee_unit_ids: JSON.stringify(body.attendeeUnitIds),
        summary: body.summary ?? null,
        topic_id: body.topicId ?? null,
        created_by: actor.accountId,
        created_at: now.toISOString(),
      })
      .execute();
    if (body.items.length) {
      await trx
        .insertInto('meeting_items')
        .values(
          body.items.map((it, i) => ({
            id: newId(now.getTime()),
            district_code: actor.districtCode,
            meeting_id: id,
            kind: it.kind,
            seq: i + 1,
            content: it.content,
            project_id: it.projectId ?? null,
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      at: now,
      requestId,
      summary: `记录会议「${body.title}」，议定事项 ${body.items.length} 项`,
    });
    return { id };
  });
}

export async function addMeetingItem(
  deps: SupervisionDeps,
  actor: Actor,
  meetingId: string,
  body: Item,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', meetingId)
      .where('district_code', '=', actor.districtCode)
      .executeTakeFirst();
    if (!m) throw new NotFound('meeting', meetingId);
    const problems: FieldProblem[] = [];
    await checkItems(trx, actor, [body], 'items', problems);
    if (problems.length)
      throw new Invalid(
        'supervision.invalid_item',
        problems[0].message,
        problems.map((p) => ({ ...p, field: p.field.replace(/^items\[0\]\./, '') })),
      );
    const seq =
      Number(
        (
          await trx
            .selectFrom('meeting_items')
            .select(sql<number>`coalesce(max(seq), 0)`.as('s'))
            .where('meeting_id', '=', m.id)
            .executeTakeFirstOrThrow()
        ).s,
      ) + 1;
    const id = newId(now.getTime());
    await trx
      .insertInto('meeting_items')
      .values({
        id,
        district_code: m.district_code,
        meeting_id: m.id,
        kind: body.kind,
        seq,
        content: body.content,
        project_id: body.projectId ?? null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'meeting.item',
      entityType: 'meeting',
      entityId: m.id,
      at: now,
      requestId,
      summary: `增加${body.kind === 'decision' ? '议定事项' : '评审意见'} ${seq}`,
    });
    return { id };
  });
}

/** District-level accounts see every meeting; a unit sees those it attended or whose decisions it owes. */
const districtWide = (actor: Actor) => actor.scopePath.split('/').filter(Boolean).length <= 1;

async function visibleMeetingIds(
  deps: SupervisionDeps,
  ex: Executor,
  actor: Actor,
  rows: { id: string; attendee_unit_ids: string }[],
): Promise<Set<string>> {
  if (districtWide(actor)) return new Set(rows.map((r) => r.id));
  const unitIds = rows.flatMap((r) => JSON.parse(r.attendee_unit_ids) as string[]);
  const units = await deps.org.unitsByIds(ex, unitIds);
  const out = new Set(
    rows
      .filter((r) =>
        (JSON.parse(r.attendee_unit_ids) as string[]).some((u) => units.get(u)?.path.startsWith(actor.scopePath)),
      )
      .map((r) => r.id),
  );
  const rest = rows.filter((r) => !out.has(r.id)).map((r) => r.id);
  for (let i = 0; i < rest.length; i += 500) {
    const owed = await ex
      .selectFrom('tasks')
      .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
      .select('i.meeting_id')
      .where('i.meeting_id', 'in', rest.slice(i, i + 500))
      .where(visibleTasks(actor))
      .distinct()
      .execute();
    for (const o of owed) out.add(o.meeting_id);
  }
  return out;
}

export async function listMeetings(deps: SupervisionDeps, actor: Actor, f: { year?: number }) {
  const db = deps.database.db;
  let q = db.selectFrom('meetings').selectAll().where('district_code', '=', actor.districtCode);
  if (f.year) q = q.where('held_on', '>=', `${f.year}-01-01`).where('held_on', '<=', `${f.year}-12-31`);
  const all = await q.orderBy('held_on', 'desc').limit(500).execute();
  const visible = await visibleMeetingIds(deps, db, actor, all);
  const rows = all.filter((r) => visible.has(r.id));
  const ids = rows.map((r) => r.id);
  const [items, tasks, chairs] = await Promise.all([
    ids.length
      ? db
          .selectFrom('meeting_items')
          .select(['meeting_id', sql<number>`count(*)`.as('n')])
          .where('meeting_id', 'in', ids)
          .groupBy('meeting_id')
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom('tasks')
          .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
          .select(['i.meeting_id', sql<number>`count(*)`.as('n')])
          .where('i.meeting_id', 'in', ids)
          .groupBy('i.meeting_id')
          .execute()
      : [],
    deps.org.accountsByIds(
      db,
      rows.map((r) => r.chair_id).filter((x): x is string => !!x),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      heldOn: r.held_on,
      chair: r.chair_id ? { id: r.chair_id, name: chairs.get(r.chair_id)?.name ?? '' } : null,
      itemCount: Number(items.find((x) => x.meeting_id === r.id)?.n ?? 0),
      taskCount: Number(tasks.find((x) => x.meeting_id === r.id)?.n ?? 0),
    })),
  };
}

export async function meetingDetail(deps: SupervisionDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const m = await db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', id)
    .where('district_code', '=', actor.districtCode)
    .executeTakeFirst();
  if (!m || !(await visibleMeetingIds(deps, db, actor, [m])).has(m.id)) throw new NotFound('meeting', id);
  const attendeeIds = JSON.parse(m.attendee_ids) as string[];
  const unitIds = JSON.parse(m.attendee_unit_ids) as string[];
  const [items, accounts, units, topic] = await Promise.all([
    db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', m.id).orderBy('seq').execute(),
    deps.org.accountsByIds(db, [...(m.chair_id ? [m.chair_id] : []), ...attendeeIds]),
    deps.org.unitsByIds(db, unitIds),
    m.topic_id
      ? db.selectFrom('consultation_topics').select(['id', 'title']).where('id', '=', m.topic_id).executeTakeFirst()
      : undefined,
  ]);
  const tasks = items.length
    ? await db
        .selectFrom('tasks')
        .selectAll()
        .where(
          'item_id',
          'in',
          items.map((i) => i.id),
        )
        .where(visibleTasks(actor))
        .orderBy('created_at')
        .execute()
    : [];
  const summaries = await summarize(deps, db, tasks);
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    heldOn: m.held_on,
    summary: m.summary,
    chair: m.chair_id ? { id: m.chair_id, name: accounts.get(m.chair_id)?.name ?? '' } : null,
    attendees: attendeeIds.map((a) => ({ id: a, name: accounts.get(a)?.name ?? '' })),
    attendeeUnits: unitIds.map((u) => ({ id: u, name: units.get(u)?.name ?? '' })),
    topic: topic ? { id: topic.id, title: topic.title } : null,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      seq: i.seq,
      content: i.content,
      projectId: i.project_id,
      tasks: summaries.filter((s) => tasks.find((t) => t.id === s.id)?.item_id === i.id),
    })),
  };
}

export async function createTopic(
  deps: SupervisionDeps,
  actor: Actor,
  body: z.output<typeof TopicBody>,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const units = await deps.org.unitsByIds(trx, body.leadUnitIds);
    const problems: FieldProblem[] = [];
    body.leadUnitIds.forEach((id, i) => {
      const u = units.get(id);
      if (!u || u.districtCode !== actor.districtCode)
        problems.push({ field: `leadUnitIds[${i}]`, message: '单位不存在' });
      else if (u.status !== 'active') problems.push({ field: `leadUnitIds[${i}]`, message: `${u.name}已撤销` });
    });
    if (!body.plannedMonth.startsWith(String(body.year)))
      problems.push({ field: 'plannedMonth', message: `计划月份须在 ${body.year} 年内` });
    if (problems.length) throw new Invalid('supervision.invalid_topic', problems[0].message, problems);
    const id = newId(now.getTime());
    await trx
      .insertInto('consultation_topics')
      .values({
        id,
        district_code: actor.districtCode,
        year: body.year,
        title: body.title,
        form: body.form,
        planned_month: body.plannedMonth,
        lead_unit_ids: JSON.stringify(body.leadUnitIds),
        created_by: actor.accountId,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'topic.create',
      entityType: 'consultation_topic',
      entityId: id,
      at: now,
      requestId,
      summary: `${body.year} 年协商计划：${body.title}`,
    });
    return { id };
  });
}

/** 年度协商计划: topics with their lead units, the meetings that held them and the tasks they produced. */
export async function listTopics(deps: SupervisionDeps, actor: Actor, f: { year?: number }) {
  const db = deps.database.db;
  let q = db.selectFrom('consultation_topics').selectAll().where('district_code', '=', actor.districtCode);
  if (f.year) q = q.where('year', '=', f.year);
  const rows = await q.orderBy('planned_month').orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const [meetings, tasks, units] = await Promise.all([
    ids.length
      ? db
          .selectFrom('meetings')
          .select(['id', 'title', 'held_on', 'topic_id'])
          .where('topic_id', 'in', ids)
          .orderBy('held_on')
          .execute()
      : [],
    ids.length
      ? db.selectFrom('tasks').selectAll().where('topic_id', 'in', ids).where(visibleTasks(actor)).execute()
      : [],
    deps.org.unitsByIds(
      db,
      rows.flatMap((r) => JSON.parse(r.lead_unit_ids) as string[]),
    ),
  ]);
  // Tasks from decisions of the topic's meetings belong to the topic too.
  const meetingTasks = meetings.length
    ? await db
        .selectFrom('tasks')
        .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
        .selectAll('tasks')
        .select('i.meeting_id')
        .where(
          'i.meeting_id',
          'in',
          meetings.map((m) => m.id),
        )
        .where(visibleTasks(actor))
        .execute()
    : [];
  const all = [...tasks, ...meetingTasks.filter((t) => !tasks.some((x) => x.id === t.id))];
  const summaries = new Map((await summarize(deps, db, all)).map((s) => [s.id, s]));
  return {
    items: rows.map((r) => {
      const ms = meetings.filter((m) => m.topic_id === r.id);
      const ts = all.filter(
        (t) => t.topic_id === r.id || ms.some((m) => m.id === (t as { meeting_id?: string }).meeting_id),
      );
      return {
        id: r.id,
        year: r.year,
        title: r.title,
        form: r.form,
        plannedMonth: r.planned_month,
        leadUnits: (JSON.parse(r.lead_unit_ids) as string[]).map((u) => ({ id: u, name: units.get(u)?.name ?? '' })),
        meetings: ms.map((m) => ({ id: m.id, title: m.title, heldOn: m.held_on })),
        tasks: ts.map((t) => summaries.get(t.id)!),
      };
    }),
  };
}
