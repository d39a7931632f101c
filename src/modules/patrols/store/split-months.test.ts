import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/dates.js';
import { periodDays } from '../domain/coverage.js';
import { splitMonths } from './patrol.store.js';

describe('a period as whole months and partial ends', () => {
  it('splits a year from the 8th', () => {
    expect(splitMonths('2025-12-08', '2026-12-07')).toEqual({
      whole: { from: '2026-01', to: '2026-11' },
      partial: [
        { first: '2025-12-08', last: '2025-12-31' },
        { first: '2026-12-01', last: '2026-12-07' },
      ],
    });
    expect(splitMonths('2026-02-01', '2026-02-28')).toEqual({ whole: { from: '2026-02', to: '2026-02' }, partial: [] });
    expect(splitMonths('2026-02-02', '2026-02-28')).toEqual({
      whole: null,
      partial: [{ first: '2026-02-02', last: '2026-02-28' }],
    });
  });

  it('covers every day of the period exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (a, len) => {
        const first = addDays('2025-01-01', a);
        const last = addDays(first, len);
        const { whole, partial } = splitMonths(first, last);
        const covered = [
          ...partial.flatMap((p) => periodDays(p.first, p.last)),
          ...periodDays(first, last).filter((d) => whole && d.slice(0, 7) >= whole.from && d.slice(0, 7) <= whole.to),
        ].sort();
        expect(covered).toEqual(periodDays(first, last));
        // Whole months lie inside the period entirely.
        if (whole) {
          expect(`${whole.from}-01` >= first).toBe(true);
          const [y, m] = [Number(whole.to.slice(0, 4)), Number(whole.to.slice(5, 7))];
          expect(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) <= last).toBe(true);
        }
      }),
    );
  });
});
