import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../../org/index.js';
import { inboxStore } from '../store/inbox.store.js';

export async function markAllRead(deps: Pick<OrgDeps, 'database' | 'clock'>, actor: Actor): Promise<void> {
  await inboxStore.markAllRead(deps.database.db, actor.accountId, deps.clock.now().toISOString());
}
