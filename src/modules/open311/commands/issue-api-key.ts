import type { Actor } from '../../../kernel/auth/actor.js';
import { hashToken, newToken } from '../../../kernel/auth/sessions.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { apiKeyStore } from '../store/api-key.store.js';
import { type ApiKeyDeps } from './api-key-access.js';

export async function issueApiKey(
  deps: ApiKeyDeps,
  actor: Actor,
  name: string,
  requestId: string,
): Promise<{ id: string; name: string; key: string; createdAt: string }> {
  const now = deps.clock.now();
  const key = newToken('o311');
  const id = newId(now.getTime());
  return deps.database.db.transaction().execute(async (trx) => {
    if (await apiKeyStore.activeNameTaken(trx, actor.districtCode, name))
      throw new Conflict(
        'open311.api_key_name_taken',
        `an active Open311 API key named "${name}" already exists; revoke it or choose another name`,
      );
    await apiKeyStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      name,
      key_hash: hashToken(key),
      created_by: actor.accountId,
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    await recordAudit(trx, {
      actor,
      action: 'open311.api_key_create',
      entityType: 'open311_api_key',
      entityId: id,
      at: now,
      requestId,
      summary: `签发 Open311 API 密钥「${name}」`,
      after: { name },
    });
    return { id, name, key, createdAt: now.toISOString() };
  });
}
