import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../kernel/calendar/dates.js';
import { isoWeekday, monthToDate, previousPeriod, trendBuckets } from './periods.js';

describe('previousPeriod', () => {
  it('compares a calendar month with the month before, whatever their lengths', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('compares a quarter with the quarter before and a year with the year before', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
  it('compares a month, quarter or year so far with the same stretch of the one before (同期)', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-07' })).toEqual({ from: '2026-11-01', to: '2026-11-07' });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-12-07' })).toEqual({ from: '2026-07-01', to: '2026-09-07' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-07' })).toEqual({ from: '2025-01-01', to: '2025-12-07' });
    // 1–30 March against 1–28 February: February has no 29th or 30th.
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-30' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('compares a week (or any run of days not from a month’s start) with as many days just before', () => {
    expect(previousPeriod({ from: '2026-11-23', to: '2026-11-29' })).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(previousPeriod({ from: '2026-03-02', to: '2026-03-10' })).toEqual({ from: '2026-02-21', to: '2026-03-01' });
    expect(previousPeriod({ from: '2026-11-30', to: '2026-11-30' })).toEqual({ from: '2026-11-29', to: '2026-11-29' });
  });
  it('always ends before the period starts and is never empty', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, len) => {
        const p = previousPeriod({ from, to: addDays(from, len) });
        expect(p.to < from).toBe(true);
        expect(p.from <= p.to).toBe(true);
        if (!from.endsWith('-01')) expect(p.to).toBe(addDays(from, -1));
      }),
    );
  });
});

describe('trendBuckets', () => {
  it('cuts weeks Monday to Sunday, clipped to the period', () => {
    // 2026-11-04 is a Wednesday; 2026-11-09 and 2026-11-16 are Mondays.
    expect(isoWeekday('2026-11-04')).toBe(3);
    expect(trendBuckets({ from: '2026-11-04', to: '2026-11-18' }, 'week')).toEqual([
      { from: '2026-11-04', to: '2026-11-08' },
      { from: '2026-11-09', to: '2026-11-15' },
      { from: '2026-11-16', to: '2026-11-18' },
    ]);
  });
  it('cuts calendar months, February included', () => {
    expect(trendBuckets({ from: '2026-01-15', to: '2026-03-02' }, 'month')).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-02' },
    ]);
  });
  it('covers the period exactly, in order and without overlap, at every grain', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom('day', 'week', 'month' as const),
        (from, len, grain) => {
          const to = addDays(from, len);
          const b = trendBuckets({ from, to }, grain);
          expect(b[0]!.from).toBe(from);
          expect(b.at(-1)!.to).toBe(to);
          for (let i = 1; i < b.length; i++) expect(b[i]!.from).toBe(addDays(b[i - 1]!.to, 1));
          expect(b.reduce((s, x) => s + daysBetween(x.from, x.to) + 1, 0)).toBe(len + 1);
          if (grain === 'day') expect(b.length).toBe(len + 1);
        },
      ),
    );
  });
});

it('gives the month so far', () => {
  expect(monthToDate('2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
});
