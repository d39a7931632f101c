import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_RANK, targetStatus, type TargetRule } from './target-status.js';
import { elapsedFraction, monthsBetween, periodDays } from './periods.js';

const atLeast = (value: number): TargetRule => ({ kind: 'at_least', value, references: [] });

describe('target status', () => {
  it('reads a quantity target pro-rata over the period elapsed', () => {
    // 100 due by the end; half the period gone: 50 expected.
    expect(targetStatus(atLeast(100), 60, 0.5)).toEqual({ status: 'on_track', expected: 50 });
    expect(targetStatus(atLeast(100), 40, 0.5)).toEqual({ status: 'behind', expected: 50 });
    expect(targetStatus(atLeast(100), 100, 0.1)).toEqual({ status: 'met', expected: 10 });
    expect(targetStatus(atLeast(100), null, 0.5)).toEqual({ status: 'no_data', expected: 50 });
  });

  it('meets "两个高于" only above every reference', () => {
    const rule: TargetRule = {
      kind: 'above_references',
      value: null,
      references: [
        { label: '全省', value: 6.5 },
        { label: '全市', value: 6.8 },
      ],
    };
    expect(targetStatus(rule, 7.1, 0.3).status).toBe('met');
    expect(targetStatus(rule, 6.8, 0.3).status).toBe('behind');
    expect(targetStatus(rule, 6.6, 1).status).toBe('behind');
    expect(targetStatus(rule, null, 1)).toEqual({ status: 'no_data', expected: 6.8 });
  });

  it('never gets worse with more done, and a finished period is met or behind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, a, b, elapsed) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const r = atLeast(value);
          expect(STATUS_RANK[targetStatus(r, hi, elapsed).status]).toBeGreaterThanOrEqual(
            STATUS_RANK[targetStatus(r, lo, elapsed).status],
          );
          expect(targetStatus(r, a, 1).status).toBe(a >= value ? 'met' : 'behind');
          expect(targetStatus(r, a, elapsed).status === 'met').toBe(a >= value);
        },
      ),
    );
  });

  it('never gets worse as less of the period has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, actual, e1, e2) => {
          const [early, late] = e1 <= e2 ? [e1, e2] : [e2, e1];
          expect(STATUS_RANK[targetStatus(atLeast(value), actual, early).status]).toBeGreaterThanOrEqual(
            STATUS_RANK[targetStatus(atLeast(value), actual, late).status],
          );
        },
      ),
    );
  });
});

describe('periods', () => {
  it('spans a month, a quarter and a year', () => {
    expect(periodDays('2026-02')).toEqual({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(periodDays('2026-Q4')).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(periodDays('2026')).toEqual({ firstDay: '2026-01-01', lastDay: '2026-12-31' });
  });

  it('counts today as passed: 0 before, 1 on the last day', () => {
    const q4 = periodDays('2026-Q4');
    expect(elapsedFraction(q4, '2026-09-30')).toBe(0);
    expect(elapsedFraction(q4, '2026-10-01')).toBeCloseTo(1 / 92);
    expect(elapsedFraction(q4, '2026-12-31')).toBe(1);
    expect(elapsedFraction(q4, '2027-01-05')).toBe(1);
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-12', '2026-11')).toEqual([]);
  });
});
