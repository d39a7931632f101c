import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { PopulationDeps } from '../deps.js';
import { residentInScope, residentViews } from './resident-access.js';

/** One resident in scope, masked. */
export async function getResident(deps: PopulationDeps, actor: Actor, id: string) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const row = await residentInScope(db, actor, id);
  return (await residentViews(deps, db, [row]))[0]!;
}

/**
 * One resident with the full ID number and phone, for a role that needs them (resident.reveal). The
 * view and its reason are audited in the same transaction as the read (个人信息保护法).
 */
export async function revealResident(
  deps: PopulationDeps,
  actor: Actor,
  id: string,
  reason: string,
  requestId?: string,
) {
  authorize(actor, 'resident.reveal');
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await residentInScope(trx, actor, id);
    await recordAudit(trx, {
      actor,
      action: 'resident.reveal',
      entityType: 'resident',
      entityId: id,
      summary: `查看居民 ${row.name} 的完整身份证号和电话，事由：${reason}`,
      requestId,
      at: deps.clock.now(),
    });
    return (await residentViews(deps, trx, [row], true))[0]!;
  });
}
