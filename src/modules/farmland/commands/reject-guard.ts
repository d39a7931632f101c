import { Conflict } from '../../../kernel/errors.js';
import type { CaseGuard } from '../../cases/index.js';
import { rejectAllowed } from '../domain/farmland-rules.js';
import { farmlandStore } from '../store/farmland.store.js';

/**
 * The ledger consults this before every step (Module.caseGuards): a farmland case is not closed as
 * 不予立案 unless the actor is district level or a district approval is on record. Other steps, and
 * cases that are not farmland cases, pass without a read.
 */
export function farmlandRejectGuard(): CaseGuard {
  return async (trx, step) => {
    if (step.type !== 'reject') return;
    const fc = await farmlandStore.findCase(trx, step.caseId);
    if (!fc || rejectAllowed(step, step.actor, fc.approved_at !== null)) return;
    throw new Conflict(
      'farmland.reject_needs_district',
      'a farmland case is rejected only with a district-level approval',
      [
        {
          field: 'type',
          code: 'farmland.reject_needs_district',
          params: { case: step.caseNumber },
          message: 'district-level approval required',
        },
      ],
      { case: step.caseNumber },
    );
  };
}
