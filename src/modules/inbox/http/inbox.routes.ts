import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import type { OrgDeps } from '../../org/index.js';
import { InboxPage } from '../../../contracts/inbox.js';
import { listMessages } from '../commands/list-messages.js';
import { markAllRead } from '../commands/mark-all-read.js';
import { markRead } from '../commands/mark-read.js';
import { presentMessage } from './inbox.presenter.js';

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
      const { rows, unreadCount, nextCursor } = await listMessages(deps, actor, query);
      return { items: rows.map(presentMessage), unreadCount, nextCursor };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/inbox/:id/read',
    tag: 'inbox',
    params: IdParams,
    status: 204,
    summary: 'Mark one message read',
    handler: ({ actor, params }) => markRead(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/inbox/read-all',
    tag: 'inbox',
    status: 204,
    summary: 'Mark every message read',
    handler: ({ actor }) => markAllRead(deps, actor),
  });
}
