import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * A board's scope, and where its history counts, is its unit's path: when org moves a unit, both
 * follow inside the move's transaction (a replacement counts under the unit's new parent from then on,
 * as report roll-ups do).
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    await rebasePaths(trx, 'boards', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'board_events', 'unit_path', e.oldPath, e.newPath);
  };
}
