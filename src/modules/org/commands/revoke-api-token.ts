import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { sessionStore } from '../store/session.store.js';

/** Revokes one of the actor's API tokens, named by the first 16 hex digits of its hash. */
export async function revokeApiToken(deps: OrgDeps, actor: Actor, id: string, requestId?: string): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await sessionStore.revokeApiToken(trx, actor.accountId, id, now.toISOString())))
      throw new NotFound('token', id);
    await recordAudit(trx, {
      actor,
      action: 'auth.token_revoke',
      entityType: 'account',
      entityId: actor.accountId,
      at: now,
      requestId,
      summary: `吊销 API 令牌 ${id}`,
    });
  });
}
