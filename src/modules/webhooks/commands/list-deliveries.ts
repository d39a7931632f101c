import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { DeliveryStatus } from '../domain/webhook-types.js';
import type { WebhookDeps } from '../deps.js';
import { deliveryStore, subscriptionStore, type DeliveryRow } from '../store/webhook.store.js';

/** A subscription's delivery log, newest first, in keyset pages. */
export async function listDeliveries(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  q: { status?: DeliveryStatus; cursor?: string; limit?: number },
): Promise<{ items: DeliveryRow[]; nextCursor: string | null }> {
  const db = deps.database.db;
  if (!(await subscriptionStore.findInDistrict(db, actor.districtCode, id))) throw new NotFound('webhook', id);
  const limit = q.limit ?? 50;
  const rows = await deliveryStore.list(db, id, { status: q.status, cursor: q.cursor, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
