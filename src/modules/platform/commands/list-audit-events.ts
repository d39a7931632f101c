import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../../org/index.js';
import { auditStore } from '../store/audit.store.js';

export interface ListAuditEventsQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit?: number;
  cursor?: string;
}

/** The audit log of the caller's district, newest first, one keyset page. */
export async function listAuditEvents(deps: Pick<OrgDeps, 'database'>, actor: Actor, query: ListAuditEventsQuery) {
  const limit = query.limit ?? 50;
  const rows = await auditStore.list(deps.database.db, {
    districtCode: actor.districtCode,
    entityType: query.entityType,
    entityId: query.entityId,
    actorId: query.actorId,
    action: query.action,
    before: query.cursor,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
