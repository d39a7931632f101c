import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { TaskNoticeTable } from '../../../kernel/db/schema.js';
import { visibleTasks } from './task.store.js';

/** 催办 / 督办 notices on tasks. */
export const noticeStore = {
  async insert(ex: Executor, row: TaskNoticeTable): Promise<void> {
    await ex.insertInto('task_notices').values(row).execute();
  },
  async findInDistrict(ex: Executor, districtCode: string, id: string): Promise<TaskNoticeTable | undefined> {
    return ex
      .selectFrom('task_notices')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
  },
  /** Records the reply of a notice not yet answered. */
  async reply(ex: Executor, id: string, reply: { text: string; by: string; byName: string; at: Date }): Promise<void> {
    await ex
      .updateTable('task_notices')
      .set({
        reply: reply.text,
        replied_by: reply.by,
        replied_by_name: reply.byName,
        replied_at: reply.at.toISOString(),
      })
      .where('id', '=', id)
      .where('replied_at', 'is', null)
      .execute();
  },
  /** Notices on tasks the actor sees, newest first, with the task's title. */
  async listVisible(
    ex: Executor,
    actor: Actor,
    f: { view: 'received' | 'sent' | 'all'; open?: 'true' | 'false' },
    limit: number,
  ) {
    let q = ex
      .selectFrom('task_notices as n')
      .innerJoin('tasks', 'tasks.id', 'n.task_id')
      .selectAll('n')
      .select('tasks.title as taskTitle')
      .where(visibleTasks(actor));
    if (f.view === 'received') q = q.where(startsWith('n.to_unit_path', actor.scopePath));
    if (f.view === 'sent') q = q.where('n.sent_by', '=', actor.accountId);
    if (f.open === 'true') q = q.where('n.replied_at', 'is', null);
    if (f.open === 'false') q = q.where('n.replied_at', 'is not', null);
    return q.orderBy('n.sent_at', 'desc').limit(limit).execute();
  },
  /** Unanswered, not yet escalated notices past their reply deadline at `now`. */
  async dueForEscalation(ex: Executor, now: Date): Promise<TaskNoticeTable[]> {
    return ex
      .selectFrom('task_notices')
      .selectAll()
      .where('replied_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where('reply_due_at', '<', now.toISOString())
      .execute();
  },
  /** Marks a notice escalated; false when it was answered or escalated meanwhile. */
  async markEscalated(ex: Executor, id: string, at: Date): Promise<boolean> {
    const r = await ex
      .updateTable('task_notices')
      .set({ escalated_at: at.toISOString() })
      .where('id', '=', id)
      .where('escalated_at', 'is', null)
      .where('replied_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  /** Every notice on a task, newest first. */
  async forTask(ex: Executor, taskId: string): Promise<TaskNoticeTable[]> {
    return ex.selectFrom('task_notices').selectAll().where('task_id', '=', taskId).orderBy('sent_at', 'desc').execute();
  },
  /** Unanswered notices on the tasks a leader leads, by reply deadline, with the task's title. */
  async openOnLedTasks(ex: Executor, leaderId: string, limit: number) {
    return ex
      .selectFrom('task_notices as n')
      .innerJoin('tasks as t', 't.id', 'n.task_id')
      .selectAll('n')
      .select('t.title as taskTitle')
      .where('t.lead_leader_id', '=', leaderId)
      .where('n.replied_at', 'is', null)
      .orderBy('n.reply_due_at')
      .limit(limit)
      .execute();
  },
  /** Unanswered notices on the given tasks sent to a unit of the subtree at `scopePath`. */
  async openToScope(ex: Executor, taskIds: string[], scopePath: string): Promise<TaskNoticeTable[]> {
    if (taskIds.length === 0) return [];
    return ex
      .selectFrom('task_notices')
      .selectAll()
      .where('task_id', 'in', taskIds)
      .where('replied_at', 'is', null)
      .where(startsWith('to_unit_path', scopePath))
      .execute();
  },
};
