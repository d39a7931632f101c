import type { Actor } from '../../../kernel/auth/actor.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';

/** The notices on visible tasks: received by the caller's units, sent by the caller, or all; open or answered. */
export async function listNotices(
  deps: SupervisionDeps,
  actor: Actor,
  f: { view: 'received' | 'sent' | 'all'; open?: 'true' | 'false' },
) {
  const db = deps.database.db;
  const rows = await noticeStore.listVisible(db, actor, f, 200);
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
