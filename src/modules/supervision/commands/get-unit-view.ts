import type { Actor } from '../../../kernel/auth/actor.js';
import type { TaskSummary } from '../../../contracts/supervision.js';
import { reportPeriods, type Cadence } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { noticeStore } from '../store/notice.store.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor } from './refresh.js';
import { summarize } from './summarize-tasks.js';

export interface OwedItem {
  task: TaskSummary;
  what: 'milestone' | 'report' | 'notice' | 'deadline';
  title: string;
  due: string;
  overdue: boolean;
}

/** 本单位待办: what the caller's unit subtree owes (milestones, progress reports, 督办 replies, deadlines), by when. */
export async function unitView(deps: SupervisionDeps, actor: Actor, now: Date = deps.clock.now()) {
  const db = deps.database.db;
  const cal = await calendarFor(deps, db, actor.districtCode);
  const today = cal.localDate(now);
  const rows = await taskStore.openLedInScope(db, actor.districtCode, actor.scopePath, 500);
  const loaded = await taskStore.load(db, rows);
  const summaries = new Map((await summarize(deps, db, rows)).map((s) => [s.id, s]));
  const notices = await noticeStore.openToScope(
    db,
    rows.map((r) => r.id),
    actor.scopePath,
  );
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
  // The 工作台's 临期 (任务节点临期或超期): due by the end of the next working day.
  return { today, dueSoonUntil: cal.nextWorkday(today), items };
}
