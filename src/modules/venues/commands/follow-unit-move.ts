import { recordAudit } from '../../../kernel/audit/audit.js';
import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * A venue's scope is its grid's path. When org moves a unit (a community to another 街道), the venues
 * under it follow inside the move's transaction, so the new 街道 sees them and the old one no longer
 * does. Ids do not change with a move; only the paths do. A move that touches no venue writes nothing.
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    const venues = await rebasePaths(trx, 'venues', 'grid_path', e.oldPath, e.newPath);
    if (!venues) return;
    await recordAudit(trx, {
      actor: e.actor,
      action: 'venue.follow_move',
      entityType: 'unit',
      entityId: e.unitId,
      at: e.at,
      requestId: e.requestId,
      summary: `「${e.unitName}」移动后，其 ${venues} 个场所随之调整区划`,
      before: { path: e.oldPath },
      after: { path: e.newPath, venues },
    });
  };
}
