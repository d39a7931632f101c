import type { Actor } from '../auth/actor.js';
import { Conflict, Invalid } from '../errors.js';
import type { Executor } from './db.js';

/** A request's Idempotency-Key and the hash of its validated body (kernel/http/idempotency.ts). */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/**
 * Claims an Idempotency-Key for a write about to be made (a visit, an inspection …), in the write's own
 * transaction, so the key and the write land together or not at all. `entityId` is the record the write
 * makes, or the one it acts on. Returns null when the key is new (go ahead), or the entity id an earlier
 * request of the account with this key and body made: the caller then answers that instead of writing
 * again. The same key with another body or record is refused.
 */
export async function claimIdempotencyKey(
  trx: Executor,
  actor: Actor,
  operation: string,
  claim: IdempotencyClaim,
  entityId: string,
  now: Date,
): Promise<string | null> {
  const r = await trx
    .insertInto('idempotency_keys')
    .values({
      account_id: actor.accountId,
      key: claim.key,
      operation,
      district_code: actor.districtCode,
      request_hash: claim.requestHash,
      entity_id: entityId,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'operation', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return null;
  const prior = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'entity_id'])
    .where('account_id', '=', actor.accountId)
    .where('operation', '=', operation)
    .where('key', '=', claim.key)
    .executeTakeFirst();
  if (!prior)
    throw new Conflict('idempotency.in_progress', 'a request with this Idempotency-Key is in progress', [
      { field: 'Idempotency-Key', code: 'idempotency.retry_later', message: 'retry later' },
    ]);
  if (prior.request_hash !== claim.requestHash)
    throw new Invalid('idempotency.key_reused', 'this Idempotency-Key was used for a different request', [
      { field: 'Idempotency-Key', code: 'idempotency.key_reused', message: 'used for a different request' },
    ]);
  return prior.entity_id;
}
