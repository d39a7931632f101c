import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * Proposals keep the paths of their handling units, of the units a democratic supervisor is assigned
 * to and of the units answering for a tracked opinion, so that a unit's accounts find them by
 * subtree. When org moves a unit, those paths follow in the move's own transaction.
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    await rebasePaths(trx, 'proposal_handlers', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'supervisor_assignments', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'supervisor_opinions', 'responsible_unit_path', e.oldPath, e.newPath);
  };
}
