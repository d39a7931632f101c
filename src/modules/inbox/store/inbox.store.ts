import type { Executor } from '../../../kernel/db/db.js';
import { insertRows } from '../../../kernel/db/reuse.js';
import type { InboxMessageTable } from '../../../kernel/db/schema.js';

/** In-app messages, one row per recipient. */
export const inboxStore = {
  async insertMany(ex: Executor, rows: InboxMessageTable[]): Promise<void> {
    await insertRows(ex, 'inbox_messages', rows);
  },
  /** An account's messages, newest first, older than `before` when given. */
  async list(
    ex: Executor,
    accountId: string,
    f: { unreadOnly: boolean; before?: string; limit: number },
  ): Promise<InboxMessageTable[]> {
    let q = ex.selectFrom('inbox_messages').selectAll().where('account_id', '=', accountId);
    if (f.unreadOnly) q = q.where('read_at', 'is', null);
    if (f.before) q = q.where('id', '<', f.before);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },
  async countUnread(ex: Executor, accountId: string): Promise<number> {
    const r = await ex
      .selectFrom('inbox_messages')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Marks one of the account's messages read; false when it has no such message. */
  async markRead(ex: Executor, accountId: string, id: string, at: string): Promise<boolean> {
    const r = await ex
      .updateTable('inbox_messages')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async markAllRead(ex: Executor, accountId: string, at: string): Promise<void> {
    await ex
      .updateTable('inbox_messages')
      .set({ read_at: at })
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .execute();
  },
};
