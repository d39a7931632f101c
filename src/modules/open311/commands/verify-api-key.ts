import { hashToken } from '../../../kernel/auth/sessions.js';
import type { Open311Client } from '../open311.types.js';
import { apiKeyStore } from '../store/api-key.store.js';
import { type ApiKeyDeps } from './api-key-access.js';

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
