import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextRetryAt, settleAttempt } from './backoff.js';

const at = new Date('2026-11-30T02:00:00.000Z');
const plus = (ms: number) => new Date(at.getTime() + ms).toISOString();
const MIN = 60_000;

describe('retry schedule', () => {
  it.each([
    [1, MIN],
    [2, 5 * MIN],
    [3, 30 * MIN],
    [4, 120 * MIN],
    [5, 720 * MIN],
  ])('waits after failed attempt %i', (attempts, wait) => {
    expect(nextRetryAt(attempts, at)?.toISOString()).toBe(plus(wait));
  });

  it('gives up after the sixth attempt', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextRetryAt(6, at)).toBeNull();
  });
});

describe('settleAttempt', () => {
  it('marks a delivery succeeded on the first good reply', () => {
    expect(settleAttempt(0, true, at)).toEqual({
      status: 'succeeded',
      attempts: 1,
      nextAttemptAt: null,
      deliveredAt: at.toISOString(),
    });
    expect(settleAttempt(4, true, at)).toMatchObject({ status: 'succeeded', attempts: 5 });
  });

  it('keeps a failed delivery pending until the schedule runs out', () => {
    expect(settleAttempt(0, false, at)).toEqual({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: plus(MIN),
      deliveredAt: null,
    });
    expect(settleAttempt(4, false, at)).toEqual({
      status: 'pending',
      attempts: 5,
      nextAttemptAt: plus(720 * MIN),
      deliveredAt: null,
    });
    expect(settleAttempt(5, false, at)).toEqual({
      status: 'failed',
      attempts: 6,
      nextAttemptAt: null,
      deliveredAt: null,
    });
  });
});
