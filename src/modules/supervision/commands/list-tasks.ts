import type { z } from 'zod';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import { TASK_STATUSES, type TaskListQuery, type TaskStatus } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { summarize } from './summarize-tasks.js';

type ListQuery = z.output<typeof TaskListQuery>;

/** Every status with its count, zero when absent. */
export function statusCounts(counts: Map<string, number>): Record<TaskStatus, number> {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as Record<TaskStatus, number>;
}

/**
 * The visible tasks by deadline, a page at a time, with the count of each status; `unitId` and `open`
 * narrow them to the dashboard's 在办任务数 / 逾期任务数 of an area (counted by lead unit).
 */
export async function listTasks(deps: SupervisionDeps, actor: Actor, f: ListQuery) {
  const db = deps.database.db;
  let after: { deadline: string; id: string } | undefined;
  if (f.cursor) {
    const [d, id] = f.cursor.split('|');
    if (!d || !id)
      throw new Invalid('supervision.bad_cursor', 'cursor is not deadline|id', [
        { field: 'cursor', code: 'cursor.invalid', message: 'not deadline|id' },
      ]);
    after = { deadline: d, id };
  }
  let ledUnder: string | undefined;
  if (f.unitId) {
    const unit = await deps.org.unit(db, f.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'task.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'task.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    ledUnder = unit.path;
  }
  const { rows, counts } = await taskStore.list(db, deps.database.dialect, actor, {
    ledUnder,
    open: f.open === 'true',
    view: f.view,
    kind: f.kind,
    roots: f.roots === 'true',
    q: f.q,
    status: f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status],
    after,
    limit: f.limit,
  });
  const page = rows.slice(0, f.limit);
  return {
    items: await summarize(deps, db, page),
    nextCursor: rows.length > f.limit ? `${page.at(-1)!.deadline_on}|${page.at(-1)!.id}` : null,
    counts: statusCounts(counts),
  };
}
