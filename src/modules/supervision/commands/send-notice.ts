import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import { NOTICE_KIND_LABELS, type NoticeBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor } from './refresh.js';
import { loadVisibleTask } from './task-access.js';

/** 催办 / 督办: a notice to a unit owing the task, to be answered within a number of working days. */
export async function sendNotice(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  body: z.output<typeof NoticeBody>,
  requestId?: string,
) {
  authorize(actor, 'task.notice');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const task = await loadVisibleTask(trx, actor, taskId);
    const toUnitId = body.toUnitId ?? task.lead_unit_id;
    const owed = await taskStore.owingUnit(trx, task.id, toUnitId);
    if (!owed)
      throw new Invalid('supervision.notice_unit', `unit ${toUnitId} does not owe the task`, [
        { field: 'toUnitId', code: 'notice.unit_not_owing', message: 'the unit does not owe the task' },
      ]);
    const cal = await calendarFor(deps, trx, task.district_code);
    const due = cal.addWorkingDays(now, body.replyWithinWorkdays);
    const id = newId(now.getTime());
    await noticeStore.insert(trx, {
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
    });
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
