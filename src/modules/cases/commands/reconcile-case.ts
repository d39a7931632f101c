import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Forbidden } from '../../../kernel/errors.js';
import { areaPath } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { loadVisibleCase } from './case-context.js';
import { caseStore } from '../store/case.store.js';

/** 对账销号: the community or sub-district checks a closed case off its ledger. */
export async function reconcileCase(deps: CasesDeps, actor: Actor, id: string, requestId?: string): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const { row, state } = await loadVisibleCase(trx, actor, id);
    // The ledger's keepers check items off: the community, the sub-district, the district; within their area.
    const keeper = actor.roles.some((r) =>
      ['community_worker', 'subdistrict_staff', 'supervision_office', 'admin'].includes(r),
    );
    if (!keeper || !areaPath(state).startsWith(actor.scopePath))
      throw new Forbidden('case.reconcile_forbidden', "only the ledger keepers of the case's area reconcile it");
    if (row.status !== 'closed') throw new Conflict('case.not_closed', 'only a closed case is reconciled');
    if (row.reconciled_at) return;
    await caseStore.reconcile(trx, id, now.toISOString(), actor.accountId);
    await recordAudit(trx, {
      actor,
      action: 'case.reconcile',
      entityType: 'case',
      entityId: id,
      at: now,
      requestId,
      summary: `对账销号 ${row.case_number}`,
    });
  });
}
