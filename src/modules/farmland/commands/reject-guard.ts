import { Conflict } from '../../../kernel/errors.js';
import type { CaseGuard } from '../../cases/index.js';
import { rejectAllowed, UNHANDLED_CLOSES } from '../domain/farmland-rules.js';
import { farmlandStore } from '../store/farmland.store.js';

/**
 * The ledger consults this before every step (Module.caseGuards): a farmland case is not closed as
 * 不予立案 nor merged (并案) unless the actor is district level or a district approval is on record. Other steps, and
 * cases that are not farmland cases, pass without a read.
 */
export function farmlandRejectGuard(): CaseGuard {
  return async (trx, step) => {
    if (!(UNHANDLED_CLOSES as readonly string[]).includes(step.type)) return;
    const fc = await farmlandStore.findCase(trx, step.caseId);
    if (!fc || rejectAllowed(step, step.actor, fc.approved_at !== null)) return;
    const code = step.type === 'merge' ? 'farmland.merge_needs_district' : 'farmland.reject_needs_district';
    throw new Conflict(
      code,
      `a farmland case is ${step.type === 'merge' ? 'merged' : 'rejected'} only with a district-level approval`,
      [
        {
          field: 'type',
          code,
          params: { case: step.caseNumber },
          message: 'district-level approval required',
        },
      ],
      { case: step.caseNumber },
    );
  };
}
