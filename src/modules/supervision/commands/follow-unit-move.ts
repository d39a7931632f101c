import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * Tasks keep the paths of their units (lead unit, every unit's role, the unit a 督办 went to) so that
 * a unit's accounts find them by subtree. When org moves a unit, those paths follow in the move's own
 * transaction; task ids, statuses and assessment days are keyed by unit id and need nothing.
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    await rebasePaths(trx, 'tasks', 'lead_unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'task_units', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'task_notices', 'to_unit_path', e.oldPath, e.newPath);
  };
}
