import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { presetPeriod } from './rankings-periods';

describe('presetPeriod', () => {
  // Monday 2026-12-07, in the year's last quarter.
  const today = dayjs('2026-12-07');
  const cases: [Parameters<typeof presetPeriod>[0], string, string][] = [
    ['lastWeek', '2026-11-30', '2026-12-06'],
    ['thisMonth', '2026-12-01', '2026-12-07'],
    ['lastMonth', '2026-11-01', '2026-11-30'],
    ['thisQuarter', '2026-10-01', '2026-12-07'],
    ['lastQuarter', '2026-07-01', '2026-09-30'],
    ['thisYear', '2026-01-01', '2026-12-07'],
  ];
  for (const [preset, from, to] of cases)
    it(`${preset} on a Monday in December is ${from} – ${to}`, () => {
      expect(presetPeriod(preset, today)).toEqual({ from, to });
    });
  it('takes last week from a Sunday as the week before the one ending that day', () => {
    expect(presetPeriod('lastWeek', dayjs('2026-12-06'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
  it('takes the last quarter across a new year', () => {
    expect(presetPeriod('lastQuarter', dayjs('2027-02-10'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});
