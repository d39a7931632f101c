import { recordAudit } from '../../../kernel/audit/audit.js';
import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';

/**
 * Responsibilities and roster days keep their unit's path (their data scope). When org moves a unit,
 * they follow inside the move's transaction, so the new 街道 sees them and the old one no longer does.
 */
export function unitMovedListener(): UnitMovedListener {
  return async (trx, e) => {
    if (e.oldPath === e.newPath) return;
    const responsibilities = await rebasePaths(trx, 'duty_responsibilities', 'target_path', e.oldPath, e.newPath);
    const rosterDays = await rebasePaths(trx, 'duty_roster_days', 'unit_path', e.oldPath, e.newPath);
    if (!responsibilities && !rosterDays) return;
    await recordAudit(trx, {
      actor: e.actor,
      action: 'duty.follow_move',
      entityType: 'unit',
      entityId: e.unitId,
      at: e.at,
      requestId: e.requestId,
      summary: `「${e.unitName}」移动后，其 ${responsibilities} 条包联责任和 ${rosterDays} 天值班安排随之调整区划`,
      before: { path: e.oldPath },
      after: { path: e.newPath, responsibilities, rosterDays },
    });
  };
}
