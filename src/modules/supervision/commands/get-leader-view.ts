import type { Actor } from '../../../kernel/auth/actor.js';
import type { TaskTable } from '../../../kernel/db/schema.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';
import { taskStore } from '../store/task.store.js';
import { statusCounts } from './list-tasks.js';
import { summarize } from './summarize-tasks.js';

const STATUS_ORDER: Record<string, number> = { overdue: 0, lagging: 1, on_track: 2, done: 3 };

/** 区领导: the tasks I lead, counted by status, lagging and overdue first; and the 督办 on them still open. */
export async function leaderView(deps: SupervisionDeps, actor: Actor) {
  const db = deps.database.db;
  const counts = statusCounts(await taskStore.countLedByStatus(db, actor.districtCode, actor.accountId));
  const rows: TaskTable[] = [];
  // One indexed range per status, worst first, until the page is full.
  for (const status of ['overdue', 'lagging', 'on_track', 'done'] as const) {
    if (rows.length >= 100) break;
    rows.push(...(await taskStore.ledWithStatus(db, actor.districtCode, actor.accountId, status, 100 - rows.length)));
  }
  rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.deadline_on.localeCompare(b.deadline_on));
  const notices = await noticeStore.openOnLedTasks(db, actor.accountId, 100);
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
