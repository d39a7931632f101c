import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COALESCE_MS, createCoalescer, SETTLE_MS } from './wall-coalescer.js';

describe('the wall stream’s coalescer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  /** Runs changes at the given offsets (ms from now) and then long enough for every push; answers the push times. */
  function drive(offsets: number[]): { changes: number[]; pushes: number[] } {
    const start = Date.now();
    const pushes: number[] = [];
    const c = createCoalescer(() => pushes.push(Date.now() - start));
    const changes = [...offsets].sort((a, b) => a - b);
    for (const at of changes) {
      vi.advanceTimersByTime(at - (Date.now() - start));
      c.changed();
    }
    vi.advanceTimersByTime(10 * COALESCE_MS);
    expect(c.pending).toBe(false);
    return { changes, pushes };
  }

  it('makes one push of a burst of changes that come close together within a second', () => {
    // 20 reports 40 ms apart (760 ms in all): one push, SETTLE_MS after the last.
    const burst = Array.from({ length: 20 }, (_, i) => i * 40);
    expect(drive(burst).pushes).toEqual([760 + SETTLE_MS]);
  });

  it('pushes a lone change SETTLE_MS after it, and a change soon after a push one interval after that push', () => {
    expect(drive([0, 300]).pushes).toEqual([SETTLE_MS, SETTLE_MS + COALESCE_MS]);
  });

  it('pushes once a second while changes keep coming, and once more after the last', () => {
    const steady = Array.from({ length: 50 }, (_, i) => i * 100); // 10 a second for 5 s
    const { pushes } = drive(steady);
    expect(pushes).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('never pushes twice within an interval, and every change is followed by a push at least SETTLE_MS later', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 60 }), (offsets) => {
        vi.setSystemTime(1_000_000);
        const { changes, pushes } = drive(offsets);
        for (let i = 1; i < pushes.length; i++) expect(pushes[i]! - pushes[i - 1]!).toBeGreaterThanOrEqual(COALESCE_MS);
        for (const at of changes) expect(pushes.some((p) => p >= at + SETTLE_MS)).toBe(true);
        // Never more pushes than changes, nor than one per interval of the changes' span (and the last's own).
        expect(pushes.length).toBeLessThanOrEqual(
          Math.min(changes.length, Math.floor((changes.at(-1)! - changes[0]!) / COALESCE_MS) + 2),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('pushes nothing after it is cancelled', () => {
    const pushes: number[] = [];
    const c = createCoalescer(() => pushes.push(Date.now()));
    c.changed();
    c.cancel();
    vi.advanceTimersByTime(5 * COALESCE_MS);
    expect(pushes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
