import type { Executor } from '../../../kernel/db/db.js';

/** Failed password attempts per username and client (domain/login-throttle.ts holds the rule). */
export const loginThrottleStore = {
  /** Until when this username is held back for this client, if it is counted at all. */
  async heldUntil(ex: Executor, username: string, client: string): Promise<string | null> {
    const row = await ex
      .selectFrom('login_throttles')
      .select('held_until')
      .where('username', '=', username)
      .where('client', '=', client)
      .executeTakeFirst();
    return row?.held_until ?? null;
  },
  /**
   * Counts one failure in the database itself (INSERT … ON CONFLICT DO UPDATE … RETURNING, SQLite ≥ 3.35
   * and PostgreSQL) and answers the count after it: concurrent failures, from any server process, each
   * see a count of their own.
   */
  async countFailure(ex: Executor, username: string, client: string, now: string): Promise<number> {
    const row = await ex
      .insertInto('login_throttles')
      .values({ username, client, failures: 1, held_until: null, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['username', 'client']).doUpdateSet((eb) => ({
          failures: eb('login_throttles.failures', '+', 1),
          updated_at: now,
        })),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  },
  /** Holds the client back until `until`, unless a later failure already holds it longer. */
  async holdUntil(ex: Executor, username: string, client: string, until: string): Promise<void> {
    await ex
      .updateTable('login_throttles')
      .set({ held_until: until })
      .where('username', '=', username)
      .where('client', '=', client)
      .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '<', until)]))
      .execute();
  },
  /** Forgets the count of this username from this client (after a success). */
  async clear(ex: Executor, username: string, client: string): Promise<void> {
    await ex.deleteFrom('login_throttles').where('username', '=', username).where('client', '=', client).execute();
  },
  /** Forgets the counts of this username from every client (an admin reset its password). */
  async clearUsername(ex: Executor, username: string): Promise<void> {
    await ex.deleteFrom('login_throttles').where('username', '=', username).execute();
  },
  /** Forgets counts untouched since `before`. */
  async prune(ex: Executor, before: string): Promise<void> {
    await ex.deleteFrom('login_throttles').where('updated_at', '<', before).execute();
  },
};
