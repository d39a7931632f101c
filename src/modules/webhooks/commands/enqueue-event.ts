import type { Executor } from '../../../kernel/db/db.js';
import { newId } from '../../../kernel/ids.js';
import type { WebhookEventType } from '../domain/webhook-types.js';
import { deliveryStore, subscriptionStore } from '../store/webhook.store.js';

export interface WebhookEvent {
  districtCode: string;
  /** One of WEBHOOK_EVENT_TYPES; a type no subscription lists is dropped. */
  type: WebhookEventType | (string & {});
  at: Date;
  /** Sent to 'webhook' subscriptions as `data`; keep personal data out of it. */
  payload: Record<string, unknown>;
  /** One-line Chinese summary for robot messages. */
  text: string;
}

/**
 * The outbox: called by other modules inside their own transaction, it writes one pending delivery
 * per active subscription of the district that lists the event type, and sends nothing. The rows
 * commit or roll back with the change they report; deliverDue sends them afterwards.
 * Returns the number of deliveries created.
 */
/** The shape other modules hold: enqueue in the caller's transaction, nothing returned. */
export type EnqueueEvent = (ex: Executor, e: WebhookEvent) => Promise<void>;

export async function enqueueEvent(ex: Executor, e: WebhookEvent): Promise<number> {
  const subs = (await subscriptionStore.active(ex, e.districtCode)).filter((s) =>
    (JSON.parse(s.events) as string[]).includes(e.type),
  );
  if (!subs.length) return 0;
  const t = e.at.getTime();
  const at = e.at.toISOString();
  const eventId = newId(t);
  await deliveryStore.insertMany(
    ex,
    subs.map((s) => ({
      id: newId(t),
      district_code: e.districtCode,
      subscription_id: s.id,
      event_id: eventId,
      event_type: e.type,
      occurred_at: at,
      payload: JSON.stringify(e.payload),
      text: e.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      last_attempt_at: null,
      last_status_code: null,
      last_error: null,
      attempt_log: '[]',
      created_at: at,
      delivered_at: null,
    })),
  );
  return subs.length;
}
