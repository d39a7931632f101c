import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * A campaign's scope, an entry's unit and a target's unit are kept by path, so that sums roll up a
 * subtree in one query: when org moves a unit, all three follow inside the move's transaction (a
 * community moved to another 街道 counts there from then on, its past entries with it, as report
 * roll-ups do).
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    await rebasePaths(trx, 'campaigns', 'scope_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'indicator_entries', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'indicator_targets', 'unit_path', e.oldPath, e.newPath);
  };
}
