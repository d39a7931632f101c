import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../../org/index.js';
import { inboxStore } from '../store/inbox.store.js';

export async function markRead(deps: Pick<OrgDeps, 'database' | 'clock'>, actor: Actor, id: string): Promise<void> {
  const ok = await inboxStore.markRead(deps.database.db, actor.accountId, id, deps.clock.now().toISOString());
  if (!ok) throw new NotFound('message', id);
}
