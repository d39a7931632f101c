import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { notify } from '../../inbox/index.js';
import { NOTICE_KIND_LABELS } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';
import { taskStore } from '../store/task.store.js';

/** Unanswered notices past their reply deadline escalate to the lead leader and the sender, once. */
export async function escalateOverdueNotices(deps: SupervisionDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const due = await noticeStore.dueForEscalation(db, now);
  let n = 0;
  for (const notice of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await noticeStore.markEscalated(trx, notice.id, now))) return;
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
