import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import { notify } from '../../inbox/index.js';
import { NOTICE_KIND_LABELS } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';
import { loadVisibleTask } from './task-access.js';

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
    const n = await noticeStore.findInDistrict(trx, actor.districtCode, noticeId);
    if (!n) throw new NotFound('task_notice', noticeId);
    const task = await loadVisibleTask(trx, actor, n.task_id).catch(() => {
      throw new NotFound('task_notice', noticeId);
    });
    if (!n.to_unit_path.startsWith(actor.scopePath) || n.sent_by === actor.accountId) {
      throw new Forbidden('supervision.reply_forbidden', 'only the unit the notice went to replies');
    }
    if (n.replied_at)
      throw new Conflict('supervision.notice_replied', `notice ${n.id} was answered at ${n.replied_at}`, [], {
        notice: NOTICE_KIND_LABELS[n.kind as 'urge'],
        repliedAt: formatLocalDateTime(new Date(n.replied_at), deps.config.timeZone),
      });
    await noticeStore.reply(trx, n.id, { text: body.reply, by: actor.accountId, byName: actor.displayName, at: now });
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
