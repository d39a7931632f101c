import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import { apiKeyStore } from '../store/api-key.store.js';
import { presentApiKey, type ApiKeyDeps, type ApiKeyView } from './api-key-access.js';

export async function revokeApiKey(deps: ApiKeyDeps, actor: Actor, id: string, requestId: string): Promise<ApiKeyView> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await apiKeyStore.find(trx, actor.districtCode, id);
    if (!row) throw new NotFound('open311_api_key', id);
    if (row.revoked_at) return presentApiKey(row);
    if (!(await apiKeyStore.revoke(trx, id, now.toISOString())))
      return presentApiKey((await apiKeyStore.find(trx, actor.districtCode, id))!);
    await recordAudit(trx, {
      actor,
      action: 'open311.api_key_revoke',
      entityType: 'open311_api_key',
      entityId: id,
      at: now,
      requestId,
      summary: `吊销 Open311 API 密钥「${row.name}」`,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return presentApiKey({ ...row, revoked_at: now.toISOString() });
  });
}
