import { z } from 'zod';

// Replies of the in-app inbox, shared by the server (OpenAPI, reply checks in tests) and the console.

export const InboxMessage = z.object({
  id: z.string(),
  /** e.g. 'case.dispatched', 'case.urge', 'case.overdue'. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The record the message is about, to link to. */
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const InboxPage = z.object({
  items: z.array(InboxMessage),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type InboxPage = z.infer<typeof InboxPage>;
