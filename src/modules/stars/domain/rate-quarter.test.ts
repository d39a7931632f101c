import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/dates.js';
import { measuredDays, previousQuarter, quarterDays, quarterOfDay, quartersToRefresh } from './rate-quarter.js';

const day = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2060, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('quarters of the kept rates', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (q, first, last) => {
    expect(quarterDays(q)).toEqual({ first, last });
  });

  it('measures a quarter up to today, and a quarter not begun not at all', () => {
    expect(measuredDays('2026-Q4', '2026-12-07')).toEqual({ first: '2026-10-01', last: '2026-12-07' });
    expect(measuredDays('2026-Q3', '2026-12-07')).toEqual({ first: '2026-07-01', last: '2026-09-30' });
    expect(measuredDays('2027-Q1', '2026-12-07')).toBeNull();
    expect(measuredDays('2026-Q4', '2026-10-01')).toEqual({ first: '2026-10-01', last: '2026-10-01' });
  });

  it('refreshes the previous quarter too in the first 15 days of a quarter', () => {
    expect(quartersToRefresh('2027-01-01')).toEqual(['2027-Q1', '2026-Q4']);
    expect(quartersToRefresh('2027-01-15')).toEqual(['2027-Q1', '2026-Q4']);
    expect(quartersToRefresh('2027-01-16')).toEqual(['2027-Q1']);
    expect(quartersToRefresh('2026-12-07')).toEqual(['2026-Q4']);
  });

  it('puts every day in exactly the quarter whose days hold it, and quarters follow one another', () => {
    fc.assert(
      fc.property(day, (d) => {
        const q = quarterOfDay(d);
        const { first, last } = quarterDays(q);
        expect(first <= d && d <= last).toBe(true);
        expect(quarterOfDay(addDays(first, -1))).toBe(previousQuarter(q));
        expect(quarterDays(previousQuarter(q)).last).toBe(addDays(first, -1));
        const m = measuredDays(q, d)!;
        expect(m).toEqual({ first, last: d });
        const refresh = quartersToRefresh(d);
        expect(refresh[0]).toBe(q);
        expect(refresh.length === 2).toBe(d < addDays(first, 15));
      }),
    );
  });
});
