import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MONTH_VIEW, ROLLUP_FIELDS, rollupRows, rollupSpans, type RollupRow } from './case-kpi-rollup.js';
import { calendar, cst, walk } from './case-test-fixtures.js';

describe('rollupSpans: a period of days as whole months and the days around them', () => {
  it('reads a calendar month from its month row alone', () => {
    expect(rollupSpans('20261101', '20261130')).toEqual({
      days: [],
      months: { fromMonth: '202611', toMonth: '202611' },
    });
  });

  it('reads a leap February whole, and a February cut short by day', () => {
    expect(rollupSpans('20280201', '20280229').months).toEqual({ fromMonth: '202802', toMonth: '202802' });
    expect(rollupSpans('20280201', '20280228')).toEqual({
      days: [{ fromDay: '20280201', toDay: '20280228' }],
      months: null,
    });
  });

  it('reads a year ending today as its ragged ends by day and the eleven whole months between', () => {
    expect(rollupSpans('20251209', '20261208')).toEqual({
      days: [
        { fromDay: '20251209', toDay: '20251231' },
        { fromDay: '20261201', toDay: '20261208' },
      ],
      months: { fromMonth: '202601', toMonth: '202611' },
    });
  });

  it('reads a week, or days inside one month, by day', () => {
    expect(rollupSpans('20261130', '20261206')).toEqual({
      days: [{ fromDay: '20261130', toDay: '20261206' }],
      months: null,
    });
    expect(rollupSpans('20261102', '20261129').months).toBeNull();
  });

  it('reads each day of the period exactly once, whatever the period (property)', () => {
    const DAY = 86_400_000;
    const base = Date.UTC(2023, 0, 1);
    const ymd = (t: number) => new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 800 }), (start, length) => {
        const from = base + start * DAY;
        const to = from + length * DAY;
        const want: string[] = [];
        for (let t = from; t <= to; t += DAY) want.push(ymd(t));
        const spans = rollupSpans(ymd(from), ymd(to));
        const got: string[] = [];
        for (const d of spans.days) got.push(...want.filter((x) => x >= d.fromDay && x <= d.toDay));
        if (spans.months)
          got.push(
            ...want.filter((x) => x.slice(0, 6) >= spans.months!.fromMonth && x.slice(0, 6) <= spans.months!.toMonth),
          );
        expect(got.sort()).toEqual(want);
        // Whole months only: a month read from its row lies entirely inside the period.
        if (spans.months) {
          expect(`${spans.months.fromMonth}01` >= ymd(from)).toBe(true);
          expect(want).toContain(`${spans.months.toMonth}28`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('rollupRows: the month rows', () => {
  it('hold for each area and grid the sum of that month’s day rows; a handler has day rows only', () => {
    const place = { areaPath: '/d/s/c/', handlerPath: '/d/dept/', gridPath: '/d/s/c/g/' };
    // A case reported, dispatched, handled and closed: entries on several days.
    const state = walk(['report', 'accept', 'dispatch', 'start', 'feedback', 'verify_pass'], {
      start: cst('2025-09-30T16:00'),
    }).state;
    const rows = rollupRows(state, place, calendar);
    const months = rows.filter((r) => r.view === MONTH_VIEW.area || r.view === MONTH_VIEW.grid);
    expect(months.length).toBeGreaterThan(0);
    expect(rows.some((r) => (r.view as string) === 'handler_month')).toBe(false);
    const summed = new Map<string, RollupRow['counts']>();
    for (const r of rows.filter((x) => x.view === 'area' || x.view === 'grid')) {
      const k = `${r.basis}|${MONTH_VIEW[r.view as 'area' | 'grid']}|${r.path}|${r.day.slice(0, 6)}`;
      const c = summed.get(k) ?? Object.fromEntries(ROLLUP_FIELDS.map((f) => [f, 0]));
      for (const f of ROLLUP_FIELDS) c[f] += r.counts[f];
      summed.set(k, c as RollupRow['counts']);
    }
    expect(new Map(months.map((r) => [`${r.basis}|${r.view}|${r.path}|${r.day}`, r.counts]))).toEqual(summed);
  });
});
