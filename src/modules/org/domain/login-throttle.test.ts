import { describe, expect, it } from 'vitest';
import { heldUntil, secondsUntil, throttleDelaySeconds, throttleKey } from './login-throttle.js';

describe('login throttle rule', () => {
  it('lets five failures pass and then doubles the wait from 1 s up to 15 minutes', () => {
    const table: [number, number][] = [
      [1, 0],
      [4, 0],
      [5, 1],
      [6, 2],
      [7, 4],
      [10, 32],
      [14, 512],
      [15, 900],
      [50, 900],
      [10_000, 900],
    ];
    for (const [failures, seconds] of table) expect(throttleDelaySeconds(failures), `${failures}`).toBe(seconds);
  });
  it('holds the client until now plus the wait', () => {
    const now = new Date('2026-11-30T02:00:00.000Z');
    expect(heldUntil(4, now)).toBeNull();
    expect(heldUntil(7, now)).toBe('2026-11-30T02:00:04.000Z');
    expect(secondsUntil('2026-11-30T02:00:04.000Z', now)).toBe(4);
    expect(secondsUntil('2026-11-30T02:00:00.200Z', now)).toBe(1);
  });
  it('keys usernames as login matches them', () => {
    expect(throttleKey('  Admin ')).toBe('admin');
  });
});
