import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/db.js';
import { newId } from '../ids.js';
import { insertRows } from '../db/reuse.js';

export interface AuditInput {
  actor: Actor | null;
  /** e.g. 'unit.rename', 'person.reveal', 'auth.login_failed'. */
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  districtCode?: string;
  /** Who acted when there is no resolved actor yet (a login): shown in the log instead of 系统. */
  actorRef?: { id: string; name: string };
  requestId?: string | null;
  at: Date;
}

/**
 * Appends one audit event. Call it with the same transaction as the write it describes, so a write
 * and its audit line land together or not at all.
 */
export async function recordAudit(ex: Executor, input: AuditInput): Promise<void> {
  await insertRows(ex, 'audit_events', [
    {
      id: newId(input.at.getTime()),
      district_code: input.actor?.districtCode ?? input.districtCode ?? '000000',
      at: input.at.toISOString(),
      actor_id: input.actor?.accountId ?? input.actorRef?.id ?? null,
      actor_name: input.actor?.displayName ?? input.actorRef?.name ?? null,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      summary: input.summary,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      request_id: input.requestId ?? null,
    },
  ]);
}
