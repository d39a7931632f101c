import type { Executor } from '../../../kernel/db/db.js';
import type { IdempotencyKeyTable } from '../../../kernel/db/schema.js';

/** The Idempotency-Keys accounts sent, with what each first request made. */
export const idempotencyKeyStore = {
  /**
   * Writes the key's row unless the account already used the key for the operation; true when it
   * was written. On PostgreSQL an insert of a key held by a transaction still open waits for it to
   * end: written if that one rolled back, false if it committed (and the row is then visible to the
   * next statement of this transaction).
   */
  async claim(ex: Executor, row: IdempotencyKeyTable): Promise<boolean> {
    const r = await ex
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'operation', 'key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async find(
    ex: Executor,
    accountId: string,
    operation: string,
    key: string,
  ): Promise<IdempotencyKeyTable | undefined> {
    return ex
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('operation', '=', operation)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  /** Deletes the keys written before `before` (an ISO instant); returns how many. */
  async deleteCreatedBefore(ex: Executor, before: string): Promise<number> {
    const r = await ex.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
