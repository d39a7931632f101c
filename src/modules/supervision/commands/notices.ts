import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import { NOTICE_KIND_LABELS, type NoticeBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { calendarFor, lockTree, refreshTree } from './refresh.js';
import { loadVisibleTask, visibleTasks } from './task-access.js';
import { taskStore } from '../store/task.store.js';

/** 催办 / 督办: a notice to a unit owing the task, to be answered within a number of working days. */
export async function sendNotice(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  body: z.output<typeof NoticeBody>,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const task = await loadVisibleTask(trx, actor, taskId);
    const toUnitId = body.toUnitId ?? task.lead_unit_id;
    const owed = await trx
      .selectFrom('task_units')
      .selectAll()
      .where('task_id', '=', task.id)
      .where('unit_id', '=', toUnitId)
      .where('role', 'in', ['lead', 'coop'])
      .executeTakeFirst();
    if (!owed)
      throw new Invalid('supervision.notice_unit', '只能向牵头单位或配合单位发出督办', [
        { field: 'toUnitId', message: '该单位不承担此任务' },
      ]);
    const cal = await calendarFor(deps, trx, task.district_code);
    const due = cal.addWorkingDays(now, body.replyWithinWorkdays);
    const id = newId(now.getTime());
    await trx
      .insertInto('task_notices')
      .values({
        id,
        district_code: task.district_code,
        task_id: task.id,
        kind: body.kind,
        to_unit_id: toUnitId,
        to_unit_path: owed.unit_path,
        content: body.content,
        reply_due_at: due.toISOString(),
        sent_by: actor.accountId,
        sent_by_name: actor.displayName,
        sent_at: now.toISOString(),
        reply: null,
        replied_by: null,
        replied_by_name: null,
        replied_at: null,
        escalated_at: null,
      })
      .execute();
    const accounts = (
      await deps.org.accountsCovering(trx, owed.unit_path, ['subdistrict_staff', 'community_worker', 'unit_handler'])
    )
      .filter((a) => a.unitId === toUnitId)
      .map((a) => a.id);
    const label = NOTICE_KIND_LABELS[body.kind];
    await notify(trx, {
      accountIds: accounts,
      districtCode: task.district_code,
      kind: `task.${body.kind}`,
      title: `【${label}】${task.title}`,
      body: `${body.content}\n请于 ${formatLocalDateTime(due, deps.config.timeZone)} 前答复。`,
      entityType: 'task',
      entityId: task.id,
      at: now,
    });
    if (deps.enqueueEvent) {
      await deps.enqueueEvent(trx, {
        districtCode: task.district_code,
        type: `task.${body.kind}`,
        at: now,
        payload: { taskId: task.id, noticeId: id, title: task.title, toUnitId, replyDueAt: due.toISOString() },
        text: `【${label}】${task.title}：${body.content}`,
      });
    }
    await recordAudit(trx, {
      actor,
      action: `task.${body.kind}`,
      entityType: 'task',
      entityId: task.id,
      at: now,
      requestId,
      summary: `${label}「${task.title}」`,
    });
    return { id, replyDueAt: due.toISOString() };
  });
}

/** The unit the notice went to answers it; the sender and the lead leader hear of it. */
export async function replyNotice(
  deps: SupervisionDeps,
  actor: Actor,
  noticeId: string,
  body: { reply: string },
  requestId?: string,
) {
  authorize(actor, 'task.report');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const n = await trx
      .selectFrom('task_notices')
      .selectAll()
      .where('id', '=', noticeId)
      .where('district_code', '=', actor.districtCode)
      .executeTakeFirst();
    if (!n) throw new NotFound('task_notice', noticeId);
    const task = await loadVisibleTask(trx, actor, n.task_id).catch(() => {
      throw new NotFound('task_notice', noticeId);
    });
    if (!n.to_unit_path.startsWith(actor.scopePath) || n.sent_by === actor.accountId) {
      throw new Forbidden('supervision.reply_forbidden', '督办由被督办单位答复');
    }
    if (n.replied_at)
      throw new Conflict(
        'supervision.notice_replied',
        `该${NOTICE_KIND_LABELS[n.kind as 'urge']}已于 ${formatLocalDateTime(new Date(n.replied_at), deps.config.timeZone)} 答复`,
      );
    await trx
      .updateTable('task_notices')
      .set({
        reply: body.reply,
        replied_by: actor.accountId,
        replied_by_name: actor.displayName,
        replied_at: now.toISOString(),
      })
      .where('id', '=', n.id)
      .where('replied_at', 'is', null)
      .execute();
    const late = now.toISOString() > n.reply_due_at;
    await notify(trx, {
      accountIds: [n.sent_by, ...(task.lead_leader_id ? [task.lead_leader_id] : [])],
      districtCode: n.district_code,
      kind: 'task.notice_replied',
      title: `【${NOTICE_KIND_LABELS[n.kind as 'urge']}已答复${late ? '（超时）' : ''}】${task.title}`,
      body: body.reply,
      entityType: 'task',
      entityId: task.id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'task.notice_reply',
      entityType: 'task',
      entityId: task.id,
      at: now,
      requestId,
      summary: `答复${NOTICE_KIND_LABELS[n.kind as 'urge']}${late ? '（超时）' : ''}`,
    });
  });
  return { id: noticeId };
}

export async function listNotices(
  deps: SupervisionDeps,
  actor: Actor,
  f: { view: 'received' | 'sent' | 'all'; open?: 'true' | 'false' },
) {
  const db = deps.database.db;
  let q = db
    .selectFrom('task_notices as n')
    .innerJoin('tasks', 'tasks.id', 'n.task_id')
    .selectAll('n')
    .select('tasks.title as taskTitle')
    .where(visibleTasks(actor));
  if (f.view === 'received') q = q.where(startsWith('n.to_unit_path', actor.scopePath));
  if (f.view === 'sent') q = q.where('n.sent_by', '=', actor.accountId);
  if (f.open === 'true') q = q.where('n.replied_at', 'is', null);
  if (f.open === 'false') q = q.where('n.replied_at', 'is not', null);
  const rows = await q.orderBy('n.sent_at', 'desc').limit(200).execute();
  const units = await deps.org.unitsByIds(
    db,
    rows.map((n) => n.to_unit_id),
  );
  const nowIso = deps.clock.now().toISOString();
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      task: { id: n.task_id, title: n.taskTitle },
      toUnit: { id: n.to_unit_id, name: units.get(n.to_unit_id)?.name ?? '' },
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
  };
}

/** Unanswered notices past their reply deadline escalate to the lead leader and the sender, once. */
export async function escalateOverdueNotices(deps: SupervisionDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const due = await db
    .selectFrom('task_notices')
    .selectAll()
    .where('replied_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('reply_due_at', '<', now.toISOString())
    .execute();
  let n = 0;
  for (const notice of due) {
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('task_notices')
        .set({ escalated_at: now.toISOString() })
        .where('id', '=', notice.id)
        .where('escalated_at', 'is', null)
        .where('replied_at', 'is', null)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return;
      const task = (await taskStore.findById(trx, notice.task_id))!;
      const label = NOTICE_KIND_LABELS[notice.kind as 'urge'];
      await notify(trx, {
        accountIds: [notice.sent_by, ...(task.lead_leader_id ? [task.lead_leader_id] : [])],
        districtCode: notice.district_code,
        kind: 'task.notice_overdue',
        title: `【${label}逾期未复】${task.title}`,
        body: `${label}于 ${formatLocalDateTime(new Date(notice.sent_at), deps.config.timeZone)} 发出，答复期限 ${formatLocalDateTime(new Date(notice.reply_due_at), deps.config.timeZone)}，至今未答复。`,
        entityType: 'task',
        entityId: task.id,
        at: now,
      });
      n++;
    });
  }
  return n;
}

/**
 * Refreshes the cached status of every task not yet refreshed today (statuses move with the date:
 * a milestone passes, a report period ends), tree by tree, escalating what newly went wrong.
 */
export async function refreshStaleStatuses(deps: SupervisionDeps, now: Date, batch = 200): Promise<number> {
  const db = deps.database.db;
  let refreshed = 0;
  const districts = await db.selectFrom('tasks').select('district_code').distinct().execute();
  for (const { district_code } of districts) {
    const cal = await calendarFor(deps, db, district_code);
    const today = cal.localDate(now);
    for (;;) {
      const stale = await db
        .selectFrom('tasks')
        .select(['tree_path'])
        .where('district_code', '=', district_code)
        .where('status_on', '<', today)
        .where('status', '!=', 'done')
        .limit(batch)
        .execute();
      if (stale.length === 0) break;
      const roots = [...new Set(stale.map((s) => `/${s.tree_path.split('/')[1]}/`))];
      for (const root of roots) {
        await db.transaction().execute(async (trx) => {
          await lockTree(trx, root);
          const loaded = await taskStore.loadTree(trx, root);
          refreshed += (await refreshTree(deps, trx, loaded, today, cal, now)).length;
        });
      }
      // Done tasks stay done; mark their date so they are not picked up again.
      await db
        .updateTable('tasks')
        .set({ status_on: today })
        .where('district_code', '=', district_code)
        .where('status', '=', 'done')
        .where('status_on', '<', today)
        .execute();
    }
  }
  return refreshed;
}

export function supervisionJob(deps: SupervisionDeps): Job {
  return {
    name: 'supervision.statuses',
    everyMs: 15 * 60_000,
    run: async (now) => ({
      refreshed: await refreshStaleStatuses(deps, now),
      escalatedNotices: await escalateOverdueNotices(deps, now),
    }),
  };
}
