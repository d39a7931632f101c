import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor, refreshTreeOf } from './refresh.js';
import { loadVisibleTask, taskAbilities } from './task-access.js';

/** The lead unit confirms a milestone done today, without a progress report. */
export async function completeMilestone(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  milestoneId: string,
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, actor, taskId);
    if (!taskAbilities(actor, row, []).report)
      throw new Forbidden('supervision.report_forbidden', 'only the lead unit confirms milestones', {
        act: 'milestone',
      });
    const m = await taskStore.milestone(trx, row.id, milestoneId);
    if (!m) throw new NotFound('milestone', milestoneId);
    if (m.done_on)
      throw new Invalid(
        'supervision.milestone_done',
        `milestone ${m.id} was done on ${m.done_on}`,
        [{ field: 'milestoneId', code: 'milestone.already_done', message: 'already done' }],
        { title: m.title, doneOn: m.done_on },
      );
    const cal = await calendarFor(deps, trx, row.district_code);
    const today = cal.localDate(now);
    await taskStore.markMilestonesDone(trx, [m.id], today, actor.accountId);
    await taskStore.bumpVersion(trx, row, now);
    await recordAudit(trx, {
      actor,
      action: 'task.milestone_done',
      entityType: 'task',
      entityId: row.id,
      at: now,
      requestId,
      summary: `时间节点「${m.title}」完成${today > m.due_on ? '（逾期）' : ''}`,
    });
    await refreshTreeOf(deps, trx, row.tree_path, now, cal);
  });
}
