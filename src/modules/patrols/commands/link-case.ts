import { recordAudit } from '../../../kernel/audit/audit.js';
import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import { visibleCaseRef } from '../../cases/index.js';
import type { LinkCaseBody } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { patrolStore } from '../store/patrol.store.js';
import { loadVisiblePatrol } from './patrol-access.js';

export const LINK_OPERATION = 'patrols.link_case';

/**
 * Links a ledger case found (发现上报) or fixed on the spot (当场处置) to a patrol: the phone reports the
 * case during the patrol, then links it. The case must be one the caller sees, lying in one of the
 * patrol's grids (or its village); linking it twice changes nothing.
 */
export async function linkCase(
  deps: PatrolsDeps,
  actor: Actor,
  id: string,
  body: LinkCaseBody,
  opts: { idempotency?: IdempotencyClaim; requestId?: string } = {},
): Promise<{ replayed: boolean }> {
  authorize(actor, 'patrol.record');
  const nowDate = deps.clock.now();
  const db = deps.database.db;
  const p = await loadVisiblePatrol(db, actor, id);
  if (p.recorder_id !== actor.accountId && !inScope(actor, p.scope_path))
    throw new DomainError('forbidden', 'patrol.not_recorder', 'not your patrol', [
      { field: 'id', code: 'patrol.not_recorder', message: 'not the recorder' },
    ]);
  const c = await visibleCaseRef(db, actor, body.caseId);
  if (!c)
    throw new Invalid('patrol.case_unknown', 'no such case in your view', [
      { field: 'caseId', code: 'patrol.case_unknown', message: 'no such case' },
    ]);
  const units = (await patrolStore.unitsOf(db, [id])).get(id) ?? [];
  if (!c.gridPath || !units.some((u) => c.gridPath!.startsWith(u.unit_path)))
    throw new Invalid('patrol.case_outside_patrol', 'the case lies outside the patrol', [
      { field: 'caseId', code: 'patrol.case_outside_patrol', message: 'outside the patrol' },
    ]);
  return db.transaction().execute(async (trx) => {
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, LINK_OPERATION, opts.idempotency, id, nowDate);
      if (prior) return { replayed: true };
    }
    const added = await patrolStore.linkCase(trx, {
      patrol_id: id,
      case_id: c.id,
      case_number: c.caseNumber,
      outcome: body.outcome,
      linked_by: actor.accountId,
      linked_at: nowDate.toISOString(),
    });
    if (added)
      await recordAudit(trx, {
        actor,
        action: 'patrol.link_case',
        entityType: 'patrol',
        entityId: id,
        at: nowDate,
        requestId: opts.requestId ?? null,
        summary: `巡查关联问题 ${c.caseNumber}`,
      });
    return { replayed: false };
  });
}
