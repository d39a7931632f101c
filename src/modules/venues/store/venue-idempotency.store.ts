import type { Executor } from '../../../kernel/db/db.js';
import type { IdempotencyKeyTable } from '../../../kernel/db/schema.js';

/**
 * The kernel's Idempotency-Key table (idempotency_keys, one row per account, operation and key), for
 * this module's operations; the daily prune of old keys covers them too.
 */
export const venueIdempotencyStore = {
  /** Writes the key unless the account used it for the operation already; true when written. */
  async claim(ex: Executor, row: IdempotencyKeyTable): Promise<boolean> {
    const r = await ex
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'operation', 'key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  async find(ex: Executor, accountId: string, operation: string, key: string) {
    return ex
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('operation', '=', operation)
      .where('key', '=', key)
      .executeTakeFirst();
  },
};
