import type { InboxMessageTable } from '../../../kernel/db/schema.js';
import type { InboxMessage } from '../../../contracts/inbox.js';

export function presentMessage(r: InboxMessageTable): InboxMessage {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdAt: r.created_at,
    read: r.read_at !== null,
  };
}
