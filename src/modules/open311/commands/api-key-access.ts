import type { Clock } from '../../../kernel/clock.js';
import type { Database } from '../../../kernel/db/db.js';
import type { Open311ApiKeyTable } from '../../../kernel/db/schema.js';

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
