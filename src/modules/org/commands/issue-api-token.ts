import type { Actor } from '../../../kernel/auth/actor.js';
import { createSession } from '../../../kernel/auth/sessions.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { OrgDeps } from '../deps.js';

/** A bearer token for an integration, acting as the actor; the token itself is shown once. */
export async function issueApiToken(
  deps: OrgDeps,
  actor: Actor,
  body: { name: string; expiresInDays: number },
  requestId?: string,
) {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + body.expiresInDays * 24 * 3600_000).toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const token = await createSession(trx, {
      accountId: actor.accountId,
      districtCode: actor.districtCode,
      kind: 'api_token',
      name: body.name,
      now,
      ttlHours: body.expiresInDays * 24,
    });
    await recordAudit(trx, {
      actor,
      action: 'auth.token_create',
      entityType: 'account',
      entityId: actor.accountId,
      at: now,
      requestId,
      summary: `签发 API 令牌「${body.name}」，${body.expiresInDays} 天后失效`,
    });
    return { token, name: body.name, expiresAt };
  });
}
