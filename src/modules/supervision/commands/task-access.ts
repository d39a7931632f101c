import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { TaskTable } from '../../../kernel/db/schema.js';
import { NotFound } from '../../../kernel/errors.js';
import { taskStore } from '../store/task.store.js';

export { visibleTasks } from '../store/task.store.js';

export async function loadVisibleTask(ex: Executor, actor: Actor, id: string): Promise<TaskTable> {
  const row = await taskStore.findVisible(ex, actor, id);
  if (!row) throw new NotFound('task', id);
  return row;
}

/** What an actor may do on a visible task; the console shows these actions and no others. */
export function taskAbilities(
  actor: Actor,
  row: Pick<TaskTable, 'lead_unit_path' | 'status'>,
  openNoticeUnitPaths: string[],
) {
  const manage = can(actor, 'task.manage');
  const ownsLead = can(actor, 'task.report') && row.lead_unit_path.startsWith(actor.scopePath);
  return {
    report: ownsLead,
    decompose: manage || ownsLead,
    notice: can(actor, 'task.notice'),
    reply: can(actor, 'task.report') && openNoticeUnitPaths.some((p) => p.startsWith(actor.scopePath)),
    mark: manage,
  };
}

/** Files module hook: may the actor open a file? Yes when it is evidence of a task the actor sees. */
export async function canActorSeeTaskFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  for (const taskId of await taskStore.taskIdsOfFile(ex, fileId)) {
    if (await taskStore.isVisible(ex, actor, taskId)) return true;
  }
  return false;
}
