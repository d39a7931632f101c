import { settleAttempt } from '../domain/backoff.js';
import { buildRequest, judgeReply } from '../domain/messages.js';
import type { AttemptRecord, WebhookKind } from '../domain/webhook-types.js';
import type { WebhookDeps } from '../deps.js';
import { deliveryStore } from '../store/webhook.store.js';
import { postJson } from './post-json.js';

const BATCH = 50;
const CONCURRENCY = 10;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface DeliverResult {
  claimed: number;
  succeeded: number;
  /** Failed this time, scheduled again. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
  /** Their subscription was switched off. */
  cancelled: number;
}
type Outcome = Exclude<keyof DeliverResult, 'claimed'>;

async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        try {
          await fn(item);
        } catch (err) {
          errors.push(err);
        }
      }
    }),
  );
  if (errors.length) throw new AggregateError(errors, `${errors.length} webhook deliveries could not be recorded`);
}

async function sendOne(deps: WebhookDeps, id: string, now: Date, timeoutMs: number): Promise<Outcome> {
  const db = deps.database.db;
  const at = now.toISOString();
  const d = await deliveryStore.withTarget(db, id);
  if (!d) return 'cancelled';
  if (d.active !== 1) {
    await deliveryStore.update(db, id, {
      status: 'cancelled',
      next_attempt_at: null,
      locked_until: null,
      last_error: 'subscription inactive',
    });
    return 'cancelled';
  }
  const kind = d.kind as WebhookKind;
  const request = buildRequest(
    { kind, url: d.url, secret: d.secret },
    {
      deliveryId: d.id,
      eventId: d.event_id,
      type: d.event_type,
      occurredAt: d.occurred_at,
      districtCode: d.district_code,
      data: JSON.parse(d.payload) as Record<string, unknown>,
      text: d.text,
    },
    { now, timeZone: deps.config.timeZone },
  );
  const reply = await postJson(deps.fetch ?? fetch, request, timeoutMs);
  const error = reply.status === null ? reply.error : judgeReply(kind, reply.status, reply.body);
  const settled = settleAttempt(d.attempts, error === null, now);
  const log = [
    ...(JSON.parse(d.attempt_log) as AttemptRecord[]),
    { at, statusCode: reply.status, error: error?.slice(0, 500) ?? null, durationMs: reply.durationMs },
  ];
  await deliveryStore.update(db, id, {
    status: settled.status,
    attempts: settled.attempts,
    next_attempt_at: settled.nextAttemptAt,
    delivered_at: settled.deliveredAt,
    locked_until: null,
    last_attempt_at: at,
    last_status_code: reply.status,
    last_error: error?.slice(0, 500) ?? null,
    attempt_log: JSON.stringify(log),
  });
  return settled.status === 'pending' ? 'retrying' : (settled.status as Outcome);
}

/**
 * Sends the deliveries due at `now`. Each is first claimed with a conditional UPDATE, so with several
 * server processes on one database no delivery is sent twice at once. The claim (a lease) outlasts
 * the worst case of the whole batch timing out; a process that dies mid-send leaves the row to be
 * retried once the lease ends, so receivers must expect the odd duplicate (same X-CivicGrid-Delivery).
 */
export async function deliverDue(deps: WebhookDeps, now: Date): Promise<DeliverResult> {
  const db = deps.database.db;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const at = now.toISOString();
  const leaseMs = Math.ceil(BATCH / CONCURRENCY) * (timeoutMs + 5_000) + 60_000;
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const claimed: string[] = [];
  for (const id of await deliveryStore.dueIds(db, at, BATCH)) {
    if (await deliveryStore.claim(db, id, at, until)) claimed.push(id);
  }
  const result: DeliverResult = { claimed: claimed.length, succeeded: 0, retrying: 0, failed: 0, cancelled: 0 };
  await inPool(claimed, CONCURRENCY, async (id) => {
    result[await sendOne(deps, id, now, timeoutMs)] += 1;
  });
  return result;
}
