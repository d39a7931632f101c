import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../kernel/calendar/dates.js';
import { previousQuarter, quarterDays, quarterOf, quartersBetween } from './quarters.js';

describe('quarters', () => {
  it('places the days of a year in their quarters', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('knows each quarter’s first and last day', () => {
    expect(quarterDays('2026-Q1')).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(quarterDays('2024-Q1').lastDay).toBe('2024-03-31');
    expect(quarterDays('2026-Q2')).toEqual({ firstDay: '2026-04-01', lastDay: '2026-06-30' });
    expect(quarterDays('2026-Q4')).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
  });

  it('steps back across a year', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(quartersBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('tiles the calendar: the day after a quarter’s last day opens the next quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        const quarter = `${y}-Q${q}`;
        const { firstDay, lastDay } = quarterDays(quarter);
        expect(quarterOf(firstDay)).toBe(quarter);
        expect(quarterOf(lastDay)).toBe(quarter);
        expect(previousQuarter(quarterOf(addDays(lastDay, 1)))).toBe(quarter);
      }),
    );
  });
});
