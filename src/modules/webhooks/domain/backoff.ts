import type { DeliveryStatus } from './webhook-types.js';

/** Waits after the 1st, 2nd … failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then the delivery fails. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after attempt number `attempts` (1-based) failed at `failedAt`; null: give up. */
export function nextRetryAt(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

export interface SettledDelivery {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** A delivery's state after one more attempt, from the attempts made before it. */
export function settleAttempt(attemptsBefore: number, ok: boolean, at: Date): SettledDelivery {
  const attempts = attemptsBefore + 1;
  if (ok) return { status: 'succeeded', attempts, nextAttemptAt: null, deliveredAt: at.toISOString() };
  const next = nextRetryAt(attempts, at);
  return next
    ? { status: 'pending', attempts, nextAttemptAt: next.toISOString(), deliveredAt: null }
    : { status: 'failed', attempts, nextAttemptAt: null, deliveredAt: null };
}
