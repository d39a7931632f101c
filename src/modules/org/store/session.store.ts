import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';

/** An account's sessions and API tokens (kernel/auth/sessions creates and resolves them). */
export const sessionStore = {
  /** Ends an account's login sessions but the one with `keepTokenHash`, if given. */
  async revokeOtherSessions(ex: Executor, accountId: string, at: string, keepTokenHash: string | null): Promise<void> {
    await ex
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('account_id', '=', accountId)
      .where('kind', '=', 'session')
      .where('revoked_at', 'is', null)
      .$if(keepTokenHash !== null, (qb) => qb.where('token_hash', '!=', keepTokenHash!))
      .execute();
  },
  /** An account's API tokens neither revoked nor expired at `now`, oldest first. */
  async apiTokens(ex: Executor, accountId: string, now: string) {
    return ex
      .selectFrom('sessions')
      .select(['token_hash', 'name', 'created_at', 'last_seen_at', 'expires_at'])
      .where('account_id', '=', accountId)
      .where('kind', '=', 'api_token')
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at')
      .execute();
  },
  /** Revokes the account's live API token whose hash starts with `id`; false when there is none. */
  async revokeApiToken(ex: Executor, accountId: string, id: string, at: string): Promise<boolean> {
    const r = await ex
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('account_id', '=', accountId)
      .where('kind', '=', 'api_token')
      .where('revoked_at', 'is', null)
      .where(startsWith('token_hash', id))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
