import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { TaskNoticeTable } from '../../../kernel/db/schema.js';

/** 催办 / 督办 notices on tasks. */
export const noticeStore = {
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
