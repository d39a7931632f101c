import type { Actor } from '../../kernel/auth/actor.js';
import { hashToken, newToken } from '../../kernel/auth/sessions.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import type { Open311ApiKeyTable } from '../../kernel/db/schema.js';
import { Conflict, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Open311Client } from './open311.types.js';
import { apiKeyStore } from './store/api-key.store.js';

/*
 * Open311 API keys, one per client app, issued by admins. Only the sha256 of a key is stored; the
 * key is shown once, when it is issued.
 */

export interface ApiKeyDeps {
  database: Database;
  clock: Clock;
}

export interface ApiKeyView {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function presentApiKey(r: Open311ApiKeyTable): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

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

export async function listApiKeys(deps: ApiKeyDeps, actor: Actor): Promise<ApiKeyView[]> {
  const rows = await apiKeyStore.list(deps.database.db, actor.districtCode);
  return rows.map(presentApiKey);
}

/** Revoking twice is harmless: the second call changes nothing and records nothing. */
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

export type KeyCheck =
  { ok: true; client: Open311Client } | { ok: false; reason: 'unknown' | 'revoked' | 'other_jurisdiction' };

/** The client behind an api_key, if the key is known, not revoked and issued for this district. */
export async function verifyApiKey(deps: ApiKeyDeps, key: string, districtCode: string): Promise<KeyCheck> {
  if (key.length > 200) return { ok: false, reason: 'unknown' };
  const row = await apiKeyStore.findByHash(deps.database.db, hashToken(key));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.district_code !== districtCode) return { ok: false, reason: 'other_jurisdiction' };
  return { ok: true, client: { apiKeyId: row.id, name: row.name, districtCode: row.district_code } };
}

export async function touchApiKey(deps: ApiKeyDeps, id: string): Promise<void> {
  await apiKeyStore.touch(deps.database.db, id, deps.clock.now().toISOString());
}
