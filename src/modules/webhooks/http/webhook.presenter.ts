import { maskUrl } from '../domain/target-url.js';
import type { AttemptRecord, DeliveryStatus, WebhookKind } from '../domain/webhook-types.js';
import type { DeliveryRow, SubscriptionRow } from '../store/webhook.store.js';

// Fields listed one by one: the secret never leaves through a presenter.

export function presentWebhook(r: SubscriptionRow) {
  return {
    id: r.id,
    name: r.name,
    url: maskUrl(r.url),
    kind: r.kind as WebhookKind,
    events: JSON.parse(r.events) as string[],
    active: Number(r.active) === 1,
    signed: r.secret !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentDelivery(r: DeliveryRow) {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    occurredAt: r.occurred_at,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    lastAttemptAt: r.last_attempt_at,
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
    attemptLog: JSON.parse(r.attempt_log) as AttemptRecord[],
  };
}
