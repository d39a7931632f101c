import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../../kernel/db/db.js';
import { NotFound } from '../../kernel/errors.js';
import { IdParams, route } from '../../kernel/http/route.js';
import { newId } from '../../kernel/ids.js';
import type { OrgDeps } from '../org/index.js';
import { insertRows } from '../../kernel/db/reuse.js';
import { InboxPage } from '../../contracts/inbox.js';

export interface Notice {
  accountIds: string[];
  districtCode: string;
  /** e.g. 'case.dispatched', 'case.urge', 'case.overdue'. */
  kind: string;
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
  at: Date;
}

/** Puts a message in each account's in-app inbox; called inside the transaction of the change it reports. */
export async function notify(ex: Executor, n: Notice): Promise<void> {
  const ids = [...new Set(n.accountIds)];
  if (!ids.length) return;
  await insertRows(
    ex,
    'inbox_messages',
    ids.map((accountId) => ({
      id: newId(n.at.getTime()),
      district_code: n.districtCode,
      account_id: accountId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      created_at: n.at.toISOString(),
      read_at: null,
    })),
  );
}

export function registerInbox(app: FastifyInstance, deps: Pick<OrgDeps, 'database' | 'clock'>): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/inbox',
    tag: 'inbox',
    summary: 'The current account’s in-app messages, newest first',
    query: z.strictObject({
      unread: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      cursor: z.string().max(36).optional(),
    }),
    response: InboxPage,
    async handler({ actor, query }) {
      const db = deps.database.db;
      const limit = query.limit ?? 50;
      let q = db.selectFrom('inbox_messages').selectAll().where('account_id', '=', actor.accountId);
      if (query.unread === 'true') q = q.where('read_at', 'is', null);
      if (query.cursor) q = q.where('id', '<', query.cursor);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const unread = await db
        .selectFrom('inbox_messages')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('account_id', '=', actor.accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          entityType: r.entity_type,
          entityId: r.entity_id,
          createdAt: r.created_at,
          read: r.read_at !== null,
        })),
        unreadCount: Number(unread.n),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/inbox/:id/read',
    tag: 'inbox',
    params: IdParams,
    status: 204,
    summary: 'Mark one message read',
    async handler({ actor, params }) {
      const r = await deps.database.db
        .updateTable('inbox_messages')
        .set({ read_at: deps.clock.now().toISOString() })
        .where('id', '=', params.id)
        .where('account_id', '=', actor.accountId)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) throw new NotFound('message', params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/inbox/read-all',
    tag: 'inbox',
    status: 204,
    summary: 'Mark every message read',
    async handler({ actor }) {
      await deps.database.db
        .updateTable('inbox_messages')
        .set({ read_at: deps.clock.now().toISOString() })
        .where('account_id', '=', actor.accountId)
        .where('read_at', 'is', null)
        .execute();
    },
  });
}
