import type { Actor } from '../../../kernel/auth/actor.js';
import { apiKeyStore } from '../store/api-key.store.js';
import { presentApiKey, type ApiKeyDeps, type ApiKeyView } from './api-key-access.js';

export async function listApiKeys(deps: ApiKeyDeps, actor: Actor): Promise<ApiKeyView[]> {
  const rows = await apiKeyStore.list(deps.database.db, actor.districtCode);
  return rows.map(presentApiKey);
}

/** Revoking twice is harmless: the second call changes nothing and records nothing. */
