import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { TaskTable } from '../../../kernel/db/schema.js';
import { NotFound } from '../../../kernel/errors.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/**
 * Who sees a task: its lead leader, and anyone whose data scope covers a unit the task is owed by
 * (lead, cooperating) or the lead unit of a task it was decomposed from ('up' rows). A district-level
 * account covers every unit, so the supervision office and leaders see the whole district.
 */
export function visibleTasks(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'tasks'>) =>
    eb.and([
      eb('tasks.district_code', '=', actor.districtCode),
      eb.or([
        eb('tasks.lead_leader_id', '=', actor.accountId),
        eb.exists(
          eb
            .selectFrom('task_units as tu')
            .select(sql`1`.as('one'))
            .whereRef('tu.task_id', '=', 'tasks.id')
            .where(startsWith('tu.unit_path', actor.scopePath)),
        ),
      ]),
    ]);
}

export async function loadVisibleTask(ex: Executor, actor: Actor, id: string): Promise<TaskTable> {
  const row = await ex
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTasks(actor))
    .executeTakeFirst();
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
    notice: manage,
    reply: can(actor, 'task.report') && openNoticeUnitPaths.some((p) => p.startsWith(actor.scopePath)),
    mark: manage,
  };
}
