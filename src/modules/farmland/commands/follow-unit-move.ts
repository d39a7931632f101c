import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';
import type { FarmlandDeps } from '../deps.js';
import { farmlandIndex } from './farmland-index.js';

/**
 * Parcels and farmland cases are scoped by their village's path: when org moves a unit (a village to
 * another 乡镇), they follow inside the move's transaction. Ids do not change; the lookup is rebuilt.
 */
export function unitMovedListener(deps: FarmlandDeps): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    const n =
      (await rebasePaths(trx, 'farmland_parcels', 'village_path', e.oldPath, e.newPath)) +
      (await rebasePaths(trx, 'farmland_cases', 'village_path', e.oldPath, e.newPath));
    if (n) farmlandIndex(deps.database, deps.clock).invalidate();
  };
}
