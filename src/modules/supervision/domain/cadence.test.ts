import { describe, it, expect } from 'vitest';
import { missingPeriods, missingReports, nthDue, reportPeriods } from './cadence.js';

describe('report periods', () => {
  it('runs the first period from the start to the first due date, then a week at a time', () => {
    const p = reportPeriods({ kind: 'weekly', firstDue: '2026-03-06' }, '2026-03-02', '2026-03-31', '2026-03-20');
    expect(p).toEqual([
      { index: 0, from: '2026-03-02', due: '2026-03-06' },
      { index: 1, from: '2026-03-07', due: '2026-03-13' },
      { index: 2, from: '2026-03-14', due: '2026-03-20' },
    ]);
  });
  it('lists the current, not yet ended period', () => {
    const p = reportPeriods({ kind: 'weekly', firstDue: '2026-03-06' }, '2026-03-02', '2026-03-31', '2026-03-21');
    expect(p.at(-1)).toEqual({ index: 3, from: '2026-03-21', due: '2026-03-27' });
  });
  it('stops at the deadline and leaves the tail after the last due date out', () => {
    const p = reportPeriods({ kind: 'weekly', firstDue: '2026-03-06' }, '2026-03-02', '2026-03-31', '2026-06-01');
    expect(p.map((x) => x.due)).toEqual(['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27']);
  });
  it('has no period before the task starts', () => {
    expect(reportPeriods({ kind: 'weekly', firstDue: '2026-03-06' }, '2026-03-02', '2026-03-31', '2026-03-01')).toEqual(
      [],
    );
  });
  it('counts every n days', () => {
    const c = { kind: 'every_n_days', days: 10, firstDue: '2026-03-05' } as const;
    expect([0, 1, 2].map((k) => nthDue(c, k))).toEqual(['2026-03-05', '2026-03-15', '2026-03-25']);
  });
  it('keeps the day of month for monthly reports and clamps it to short months', () => {
    const c = { kind: 'monthly', firstDue: '2026-01-31' } as const;
    expect([0, 1, 2, 3].map((k) => nthDue(c, k))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(nthDue({ kind: 'monthly', firstDue: '2027-12-31' }, 2)).toEqual('2028-02-29');
  });
});

describe('missing reports', () => {
  const weekly = { kind: 'weekly', firstDue: '2026-03-06' } as const;
  it('accepts a report on the due date', () => {
    expect(missingReports(weekly, '2026-03-02', '2026-03-31', [{ date: '2026-03-06' }], '2026-03-07')).toEqual([]);
  });
  it('flags a period once its due date has passed without a report', () => {
    expect(missingReports(weekly, '2026-03-02', '2026-03-31', [], '2026-03-06')).toEqual([]);
    expect(missingReports(weekly, '2026-03-02', '2026-03-31', [], '2026-03-07').map((p) => p.index)).toEqual([0]);
  });
  it('does not let a late report fill the period it missed', () => {
    const m = missingReports(weekly, '2026-03-02', '2026-03-31', [{ date: '2026-03-07' }], '2026-03-14');
    expect(m.map((p) => p.index)).toEqual([0]);
  });
  it('ignores reports dated after today', () => {
    const periods = reportPeriods(weekly, '2026-03-02', '2026-03-31', '2026-03-10');
    expect(missingPeriods(periods, [{ date: '2026-03-04' }, { date: '2026-03-12' }], '2026-03-10')).toEqual([]);
    expect(missingPeriods(periods, [{ date: '2026-03-12' }], '2026-03-10').map((p) => p.index)).toEqual([0]);
  });
  it('needs one report per period however many come in another', () => {
    const reports = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-20'].map((date) => ({ date }));
    expect(missingReports(weekly, '2026-03-02', '2026-03-31', reports, '2026-03-28').map((p) => p.due)).toEqual([
      '2026-03-13',
      '2026-03-27',
    ]);
  });
});
