import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { DomainError } from '../../../kernel/errors.js';
import type { MilestonesDue, MilestonesDueQuery } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';
import { calendarFor } from './refresh.js';

const SHOWN = 500;

/**
 * 节点按期完成率's list: the milestones due in the days `from`…`to` (not after today) of the tasks led
 * by units in the subtree of a unit in scope, each with its task, lead unit and whether it was done on
 * or before its due date. `due` and `onTime` count the raw milestones with the rule the unit × day
 * sums keep (taskDayFacts), so they are the measure's denominator and numerator for that area.
 */
export async function listMilestonesDue(
  deps: SupervisionDeps,
  actor: Actor,
  q: MilestonesDueQuery,
): Promise<MilestonesDue> {
  authorize(actor, 'task.read');
  const db = deps.database.db;
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new DomainError('forbidden', 'task.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'task.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  const cal = await calendarFor(deps, db, actor.districtCode);
  const today = cal.localDate(deps.clock.now());
  const end = q.to < today ? q.to : today;
  const base = { unitId: unit.id, unitName: unit.name, from: q.from, to: q.to, end };
  if (end < q.from) return { ...base, due: 0, onTime: 0, items: [] };
  const [counts, rows] = await Promise.all([
    assessmentStore.milestonesDueCounts(db, actor.districtCode, unit.path, q.from, end, today),
    assessmentStore.milestonesDue(db, actor.districtCode, unit.path, q.from, end, SHOWN),
  ]);
  const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.lead_unit_id))]);
  return {
    ...base,
    ...counts,
    items: rows.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      doneOn: m.done_on,
      onTime: m.done_on !== null && m.done_on <= m.due_on && m.done_on <= today,
      taskId: m.task_id,
      taskTitle: m.task_title,
      leadUnitId: m.lead_unit_id,
      leadUnitName: units.get(m.lead_unit_id)?.name ?? '',
    })),
  };
}
