import type { AuditEventTable } from '../../../kernel/db/schema.js';
import { Invalid } from '../../../kernel/errors.js';
import type { AuditEvent } from '../../../contracts/platform.js';

function parseJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    throw new Invalid('audit.corrupt', 'corrupt audit row');
  }
}

export function presentAuditEvent(r: AuditEventTable): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    before: parseJson(r.before),
    after: parseJson(r.after),
  };
}
