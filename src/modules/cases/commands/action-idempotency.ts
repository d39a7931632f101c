import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import { idempotencyKeyStore } from '../store/idempotency-key.store.js';

/** The operation an Idempotency-Key of a case action (签收, 反馈, 核查 …) is recorded under. */
export const ACTION_OPERATION = 'case.action';

export interface ActionIdempotency {
  key: string;
  /** Hash of the case id and the validated body: the same key for another case or body is refused. */
  requestHash: string;
}

/**
 * Claims the key in the action's own transaction, so the key and the action are written together or
 * not at all (a refused action leaves the key free). Returns true when an earlier request of the
 * account with this key and body already took the action: the caller then does nothing again.
 */
export async function claimActionKey(
  trx: Executor,
  actor: Actor,
  caseId: string,
  idem: ActionIdempotency,
  now: Date,
): Promise<boolean> {
  const claimed = await idempotencyKeyStore.claim(trx, {
    account_id: actor.accountId,
    key: idem.key,
    operation: ACTION_OPERATION,
    district_code: actor.districtCode,
    request_hash: idem.requestHash,
    entity_id: caseId,
    created_at: now.toISOString(),
  });
  if (claimed) return false;
  const prior = await idempotencyKeyStore.find(trx, actor.accountId, ACTION_OPERATION, idem.key);
  if (!prior)
    throw new Conflict('case.idempotency_key_in_use', 'a request with this Idempotency-Key is in progress', [
      { field: 'Idempotency-Key', code: 'idempotency.retry_later', message: 'retry later' },
    ]);
  if (prior.request_hash !== idem.requestHash || prior.entity_id !== caseId)
    throw new Invalid('case.action_idempotency_key_reused', 'this Idempotency-Key was used for a different action', [
      { field: 'Idempotency-Key', code: 'idempotency.key_reused', message: 'used for a different request' },
    ]);
  return true;
}
