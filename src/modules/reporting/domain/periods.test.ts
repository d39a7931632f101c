import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../kernel/errors.js';
import {
  deadlineOf,
  deadlineRuleProblems,
  isFuture,
  isOnTime,
  isValidPeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodOf,
  periodRange,
  periodStart,
  previousPeriod,
  timelyLimitOf,
  PERIOD_TYPES,
  type PeriodType,
} from './periods.js';

const at = (iso: string) => new Date(iso);

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).errors[0]?.field;
  }
  throw new Error('expected a throw');
}

describe('Asia/Shanghai day boundaries', () => {
  it('puts 2026-11-30T16:30Z on the local 2026-12-01', () => {
    expect(periodOf(at('2026-11-30T16:30:00Z'), 'daily')).toBe('2026-12-01');
    expect(periodOf(at('2026-11-30T16:30:00Z'), 'monthly')).toBe('2026-12');
  });
  it('keeps 2026-11-30T15:59:59Z on the local 2026-11-30', () => {
    expect(periodOf(at('2026-11-30T15:59:59.999Z'), 'daily')).toBe('2026-11-30');
    expect(periodOf(at('2026-11-30T15:59:59.999Z'), 'monthly')).toBe('2026-11');
  });
  it('starts and ends a day at local midnight', () => {
    expect(periodStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(periodEnd('2026-12-01').toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });
  it('honours another fixed-offset zone', () => {
    expect(periodOf(at('2026-11-30T16:30:00Z'), 'daily', 'UTC')).toBe('2026-11-30');
  });
});

describe('ISO weeks', () => {
  it('starts weeks on Monday', () => {
    expect(periodOf(at('2026-11-29T12:00:00+08:00'), 'weekly')).toBe('2026-W48'); // Sunday
    expect(periodOf(at('2026-11-30T00:00:00+08:00'), 'weekly')).toBe('2026-W49'); // Monday
    expect(parsePeriod('2026-W49')).toMatchObject({ firstDay: parsePeriod('2026-11-30').firstDay });
  });
  it('gives 2026 a week 53 running into 2027', () => {
    const w = parsePeriod('2026-W53');
    expect([w.firstDay, w.lastDay].map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))).toEqual([
      '2026-12-28',
      '2027-01-03',
    ]);
    expect(periodOf(at('2027-01-03T12:00:00+08:00'), 'weekly')).toBe('2026-W53');
    expect(nextPeriod('2026-W53')).toBe('2027-W01');
  });
  it('refuses a week 53 in a year that has none', () => {
    expect(isValidPeriod('2025-W53')).toBe(false);
    expect(isValidPeriod('2020-W53')).toBe(true);
    expect(isValidPeriod('2026-W00')).toBe(false);
    expect(isValidPeriod('2026-W54')).toBe(false);
  });
  it('puts the last days of December in week 1 of the next year when the Thursday is there', () => {
    expect(periodOf(at('2024-12-30T12:00:00+08:00'), 'weekly')).toBe('2025-W01');
    expect(previousPeriod('2025-W01')).toBe('2024-W52');
  });
  it('puts the first days of January in the last week of the year before', () => {
    expect(periodOf(at('2027-01-01T09:00:00+08:00'), 'weekly')).toBe('2026-W53');
    expect(periodOf(at('2021-01-03T09:00:00+08:00'), 'weekly')).toBe('2020-W53');
  });
});

describe('month ends', () => {
  it('knows month lengths and leap years', () => {
    const len = (id: string) => parsePeriod(id).lastDay - parsePeriod(id).firstDay + 1;
    expect(len('2026-02')).toBe(28);
    expect(len('2028-02')).toBe(29);
    expect(len('2026-11')).toBe(30);
    expect(len('2026-12')).toBe(31);
    expect(nextPeriod('2026-12')).toBe('2027-01');
  });
  it('ends November at local midnight of 1 December', () => {
    expect(periodEnd('2026-11').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('parsing period ids', () => {
  it.each(['2026-02-30', '2026-13', '2026-00', '2026-W5', 'yesterday', '', '2026-11-30T00:00'])(
    'refuses %j with field period',
    (id) => {
      expect(fieldOf(() => parsePeriod(id))).toBe('period');
    },
  );
  it('refuses an id of another type than the form reports', () => {
    expect(fieldOf(() => parsePeriod('2026-11', 'daily'))).toBe('period');
  });
  it('names from and to in a range', () => {
    expect(fieldOf(() => periodRange('2026-11-31', '2026-12-01', 'daily'))).toBe('from');
    expect(fieldOf(() => periodRange('2026-12-02', '2026-12-01', 'daily'))).toBe('to');
  });
});

describe('ranges', () => {
  it('lists daily periods across a month end', () => {
    expect(periodRange('2026-11-29', '2026-12-02', 'daily')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });
  it('lists weeks across a year end', () => {
    expect(periodRange('2026-W52', '2027-W02', 'weekly')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });
  it('lists months across a year end', () => {
    expect(periodRange('2026-11', '2027-02', 'monthly')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
  it('refuses an unbounded range', () => {
    expect(fieldOf(() => periodRange('2000-01-01', '2026-01-01', 'daily'))).toBe('to');
  });
});

describe('future periods', () => {
  it('treats the current day as not future and tomorrow as future', () => {
    const now = at('2026-11-30T16:30:00Z'); // local 2026-12-01 00:30
    expect(isFuture('2026-12-01', now)).toBe(false);
    expect(isFuture('2026-12-02', now)).toBe(true);
    expect(isFuture('2026-12', now)).toBe(false);
    expect(isFuture('2026-W49', now)).toBe(false);
  });
});

describe('deadlines and grace', () => {
  it('sets 16:00 local on the last day of the period', () => {
    expect(deadlineOf('2026-11-30', { time: '16:00', dayOffset: 0 }).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(deadlineOf('2026-W49', { time: '16:00', dayOffset: 0 }).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(deadlineOf('2026-11', { time: '16:00', dayOffset: 0 }).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });
  it('allows next day 10:00', () => {
    expect(deadlineOf('2026-11-30', { time: '10:00', dayOffset: 1 }).toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });
  it('adds grace days to the timely limit', () => {
    const rule = { time: '16:00', dayOffset: 0, graceDays: 2 };
    expect(timelyLimitOf('2026-11-30', rule).toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(isOnTime('2026-11-30', at('2026-12-02T08:00:00Z'), rule)).toBe(true);
    expect(isOnTime('2026-11-30', at('2026-12-02T08:00:00.001Z'), rule)).toBe(false);
  });
  it('counts a report at the deadline as on time and one a millisecond later as late', () => {
    const rule = { time: '16:00', dayOffset: 0 };
    expect(isOnTime('2026-11-30', at('2026-11-30T08:00:00Z'), rule)).toBe(true);
    expect(isOnTime('2026-11-30', at('2026-11-30T08:00:00.001Z'), rule)).toBe(false);
  });
  it('names every bad part of a rule', () => {
    expect(deadlineRuleProblems({ time: '25:00', dayOffset: -1, graceDays: 1.5 }).map((p) => p.field)).toEqual([
      'deadline.time',
      'deadline.dayOffset',
      'deadline.graceDays',
    ]);
    expect(() => deadlineOf('2026-11-30', { time: '4pm', dayOffset: 0 })).toThrow(DomainError);
  });
});

describe('period properties', () => {
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));
  const type = fc.constantFrom<PeriodType>(...PERIOD_TYPES);
  it('places every instant inside its period', () => {
    fc.assert(
      fc.property(instant, type, (t, ty) => {
        const id = periodOf(t, ty);
        expect(parsePeriod(id, ty).id).toBe(id);
        expect(periodStart(id).getTime()).toBeLessThanOrEqual(t.getTime());
        expect(periodEnd(id).getTime()).toBeGreaterThan(t.getTime());
      }),
    );
  });
  it('makes consecutive periods touch', () => {
    fc.assert(
      fc.property(instant, type, (t, ty) => {
        const id = periodOf(t, ty);
        expect(periodStart(nextPeriod(id)).getTime()).toBe(periodEnd(id).getTime());
        expect(previousPeriod(nextPeriod(id))).toBe(id);
      }),
    );
  });
});
