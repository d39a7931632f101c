import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../../org/index.js';
import { inboxStore } from '../store/inbox.store.js';

/** The actor's messages, newest first, one keyset page, and how many are unread. */
export async function listMessages(
  deps: Pick<OrgDeps, 'database'>,
  actor: Actor,
  query: { unread?: 'true' | 'false'; limit?: number; cursor?: string },
) {
  const db = deps.database.db;
  const limit = query.limit ?? 50;
  const rows = await inboxStore.list(db, actor.accountId, {
    unreadOnly: query.unread === 'true',
    before: query.cursor,
    limit: limit + 1,
  });
  const unreadCount = await inboxStore.countUnread(db, actor.accountId);
  const page = rows.slice(0, limit);
  return { rows: page, unreadCount, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
