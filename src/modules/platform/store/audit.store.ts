import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { AuditEventTable } from '../../../kernel/db/schema.js';

export interface AuditFilter {
  districtCode: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** An action or the prefix of several, e.g. 'case.' */
  action?: string;
  /** Rows older than this id (keyset paging). */
  before?: string;
  limit: number;
}

/** The audit log as written by kernel/audit; read here for the log page. */
export const auditStore = {
  /** A district's audit events, newest first. */
  async list(ex: Executor, f: AuditFilter): Promise<AuditEventTable[]> {
    let q = ex.selectFrom('audit_events').selectAll().where('district_code', '=', f.districtCode);
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.action) q = q.where(startsWith('action', f.action));
    if (f.before) q = q.where('id', '<', f.before);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },
};
