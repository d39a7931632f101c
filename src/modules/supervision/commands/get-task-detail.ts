import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { TaskDetail, TaskStatus } from '../../../contracts/supervision.js';
import { missingReports, type Cadence } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { noticeStore } from '../store/notice.store.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor } from './refresh.js';
import { summarize } from './summarize-tasks.js';
import { loadVisibleTask, taskAbilities } from './task-access.js';

/** One task with its milestones, reports, notices, visible sub-tasks and what the caller may do. */
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
  const ancestors = await taskStore.visibleAncestors(ex, actor, row.tree_path.split('/').filter(Boolean).slice(0, -1));
  const kids = await taskStore.visibleChildren(ex, actor, row.id);
  const notices = await noticeStore.forTask(ex, row.id);
  const noticeUnits = await deps.org.unitsByIds(
    ex,
    notices.map((n) => n.to_unit_id),
  );
  const item = row.item_id ? await meetingStore.meetingOfItem(ex, row.item_id) : undefined;
  const opinions = row.kind === 'key_project' ? await meetingStore.opinionsOnProject(ex, row.id) : [];
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
