import { recordAudit } from '../../../kernel/audit/audit.js';
import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * A moved unit's patrols follow it inside the move's transaction: their scope, their units' paths and
 * the coverage roll-ups, so the new parent's coverage and lists hold them from the moment it commits.
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    const patrols = await rebasePaths(trx, 'patrols', 'scope_path', e.oldPath, e.newPath);
    const units = await rebasePaths(trx, 'patrol_units', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'patrol_unit_days', 'unit_path', e.oldPath, e.newPath);
    await rebasePaths(trx, 'patrol_unit_months', 'unit_path', e.oldPath, e.newPath);
    if (!patrols && !units) return;
    await recordAudit(trx, {
      actor: e.actor,
      action: 'patrol.follow_move',
      entityType: 'unit',
      entityId: e.unitId,
      at: e.at,
      requestId: e.requestId,
      summary: `「${e.unitName}」移动后，其巡查记录随之调整区划`,
      before: { path: e.oldPath },
      after: { path: e.newPath, patrols },
    });
  };
}
