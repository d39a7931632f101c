import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { sessionStore } from '../store/session.store.js';

export async function listApiTokens(deps: OrgDeps, actor: Actor) {
  return sessionStore.apiTokens(deps.database.db, actor.accountId, deps.clock.now().toISOString());
}
