import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  computeCompleteness,
  rollupCompleteness,
  type CompletenessInput,
  type ReportingUnit,
  type SubmissionEvent,
} from './completeness.js';

const cst = (local: string) => new Date(`${local}+08:00`);
const unit = (unitId: string, activeFrom: string | null = null, retiredAt: string | null = null): ReportingUnit => ({
  unitId,
  activeFrom: activeFrom === null ? null : cst(activeFrom),
  retiredAt: retiredAt === null ? null : cst(retiredAt),
});
const sub = (unitId: string, period: string, local: string, zero = false): SubmissionEvent => ({
  unitId,
  period,
  submittedAt: cst(local),
  zero,
});

const base: Omit<CompletenessInput, 'units' | 'submissions'> = {
  periodType: 'daily',
  deadline: { time: '16:00', dayOffset: 0 },
  from: '2026-11-28',
  to: '2026-11-30',
};

describe('computeCompleteness', () => {
  it('counts on-time, late and zero reports of one unit', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('u1')],
      submissions: [
        sub('u1', '2026-11-28', '2026-11-28T09:00:00'),
        sub('u1', '2026-11-29', '2026-11-29T17:00:00'),
        sub('u1', '2026-11-30', '2026-11-30T16:00:00', true),
      ],
    });
    expect(r.totals).toEqual({
      expected: 3,
      submitted: 3,
      onTime: 2,
      late: 1,
      zero: 1,
      missing: 0,
      notDue: 0,
      reportingRate: 1,
      timeliness: 2 / 3,
    });
    expect(r.missing).toEqual([]);
  });

  it('lists who is missing with the deadline, and who is not due yet apart', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('u1'), unit('u2')],
      submissions: [sub('u1', '2026-11-29', '2026-11-29T08:00:00')],
      now: cst('2026-11-30T12:00:00'),
    });
    expect(r.missing.map((m) => `${m.unitId} ${m.period} ${m.overdue}`)).toEqual([
      'u1 2026-11-28 true',
      'u2 2026-11-28 true',
      'u2 2026-11-29 true',
    ]);
    expect(r.notDue.map((m) => `${m.unitId} ${m.period} ${m.overdue}`)).toEqual([
      'u1 2026-11-30 false',
      'u2 2026-11-30 false',
    ]);
    expect(r.notDue[0].deadline.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // 11-30 is not due at noon: 1 of the 4 reports due is in, not 1 of 6.
    expect(r.totals).toMatchObject({ expected: 4, submitted: 1, missing: 3, notDue: 2, reportingRate: 1 / 4 });
  });

  /*
   * Hand-computed from the definitions (docs/reporting.md): a unit owes every period its life overlaps,
   * even in part (DHIS2 counts partly covered periods); a report owed and not in is 缺报 only after the
   * deadline + grace days, 未到期 before (not in 应报); a report in counts in 应报 and 实报 either way.
   * Daily form, deadline 16:00, range 11-28 … 11-30 (Asia/Shanghai).
   *   A  always open; reports 11-28 09:00, 11-29 17:00 (late without grace)
   *   B  opened 11-29 20:00 (after that day's deadline); reports 11-30 10:00
   *   C  retired 11-29 09:00 (before that day's deadline); zero report for 11-29 at 08:00
   *   D  retired 11-29 00:00 (the start of the day: it owes 11-28 only); a stray report for 11-29
   *   E  opened 11-30 00:00; owes 11-30 only
   * Owed: 11-28 {A, C, D}; 11-29 {A, B, C}; 11-30 {A, B, E}.
   */
  const lifeUnits = [
    unit('A'),
    unit('B', '2026-11-29T20:00:00'),
    unit('C', null, '2026-11-29T09:00:00'),
    unit('D', null, '2026-11-29T00:00:00'),
    unit('E', '2026-11-30T00:00:00'),
  ];
  const lifeReports = [
    sub('A', '2026-11-28', '2026-11-28T09:00:00'),
    sub('A', '2026-11-29', '2026-11-29T17:00:00'),
    sub('B', '2026-11-30', '2026-11-30T10:00:00'),
    sub('C', '2026-11-29', '2026-11-29T08:00:00', true),
    sub('D', '2026-11-29', '2026-11-29T08:00:00'),
  ];
  type Row = [number, number, number, number, number, number, number]; // expected submitted onTime late zero missing notDue
  const cases: {
    name: string;
    now?: string;
    graceDays?: number;
    totals: Row;
    byPeriod: Row[];
    missing: string[];
    notDue: string[];
  }[] = [
    {
      name: 'at 11-30 12:00 (11-30 not due yet)',
      now: '2026-11-30T12:00:00',
      totals: [7, 4, 3, 1, 1, 3, 2],
      byPeriod: [
        [3, 1, 1, 0, 0, 2, 0], // A on time; C, D missing
        [3, 2, 1, 1, 1, 1, 0], // A late, C zero on time; B missing
        [1, 1, 1, 0, 0, 0, 2], // B in early; A, E not due
      ],
      missing: ['C 2026-11-28', 'D 2026-11-28', 'B 2026-11-29'],
      notDue: ['A 2026-11-30', 'E 2026-11-30'],
    },
    {
      name: 'at 11-30 16:30 (every period due)',
      now: '2026-11-30T16:30:00',
      totals: [9, 4, 3, 1, 1, 5, 0],
      byPeriod: [
        [3, 1, 1, 0, 0, 2, 0],
        [3, 2, 1, 1, 1, 1, 0],
        [3, 1, 1, 0, 0, 2, 0],
      ],
      missing: ['C 2026-11-28', 'D 2026-11-28', 'B 2026-11-29', 'A 2026-11-30', 'E 2026-11-30'],
      notDue: [],
    },
    {
      name: 'with one grace day at 11-30 12:00 (11-29 and 11-30 not due; A’s 11-29 report on time)',
      now: '2026-11-30T12:00:00',
      graceDays: 1,
      totals: [6, 4, 4, 0, 1, 2, 3],
      byPeriod: [
        [3, 1, 1, 0, 0, 2, 0],
        [2, 2, 2, 0, 1, 0, 1],
        [1, 1, 1, 0, 0, 0, 2],
      ],
      missing: ['C 2026-11-28', 'D 2026-11-28'],
      notDue: ['B 2026-11-29', 'A 2026-11-30', 'E 2026-11-30'],
    },
    {
      name: 'without a clock (every period due)',
      totals: [9, 4, 3, 1, 1, 5, 0],
      byPeriod: [
        [3, 1, 1, 0, 0, 2, 0],
        [3, 2, 1, 1, 1, 1, 0],
        [3, 1, 1, 0, 0, 2, 0],
      ],
      missing: ['C 2026-11-28', 'D 2026-11-28', 'B 2026-11-29', 'A 2026-11-30', 'E 2026-11-30'],
      notDue: [],
    },
  ];
  const row = (c: {
    expected: number;
    submitted: number;
    onTime: number;
    late: number;
    zero: number;
    missing: number;
    notDue: number;
  }): Row => [c.expected, c.submitted, c.onTime, c.late, c.zero, c.missing, c.notDue];
  const byPeriodThenUnit = (a: string, b: string) =>
    a.split(' ')[1].localeCompare(b.split(' ')[1]) || a.localeCompare(b);
  it.each(cases)('counts units opened and retired mid-period, and reports not yet due: $name', (c) => {
    const r = computeCompleteness({
      ...base,
      deadline: { time: '16:00', dayOffset: 0, graceDays: c.graceDays ?? 0 },
      units: lifeUnits,
      submissions: lifeReports,
      now: c.now ? cst(c.now) : undefined,
    });
    expect(row(r.totals)).toEqual(c.totals);
    expect(r.byPeriod.map(row)).toEqual(c.byPeriod);
    expect(r.missing.map((m) => `${m.unitId} ${m.period}`).sort(byPeriodThenUnit)).toEqual(c.missing);
    expect(r.notDue.map((m) => `${m.unitId} ${m.period}`).sort(byPeriodThenUnit)).toEqual(c.notDue);
    expect(r.unexpected).toEqual([{ unitId: 'D', period: '2026-11-29' }]);
    expect(r.totals.reportingRate).toBe(c.totals[0] ? c.totals[1] / c.totals[0] : null);
  });

  it('gives a unit that owes nothing yet no rate (E at 11-30 noon), not 0%', () => {
    const r = computeCompleteness({
      ...base,
      units: lifeUnits,
      submissions: lifeReports,
      now: cst('2026-11-30T12:00:00'),
    });
    expect(r.units.find((u) => u.unitId === 'E')).toMatchObject({ expected: 0, notDue: 1, reportingRate: null });
  });

  it('never lets a submission from an unlisted unit raise the rate', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('u1')],
      submissions: [sub('stranger', '2026-11-28', '2026-11-28T09:00:00')],
    });
    expect(r.totals.submitted).toBe(0);
    expect(r.unexpected).toEqual([{ unitId: 'stranger', period: '2026-11-28' }]);
  });

  it('counts duplicates once, on time by the first and zero by the latest', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('u1')],
      submissions: [
        sub('u1', '2026-11-28', '2026-11-28T20:00:00', false), // late correction of an on-time zero report
        sub('u1', '2026-11-28', '2026-11-28T09:00:00', true),
        sub('u1', '2026-11-29', '2026-11-29T09:00:00', false),
        sub('u1', '2026-11-29', '2026-11-29T10:00:00', true),
        sub('u1', '2026-11-29', '2026-11-29T10:00:00', true),
      ],
    });
    expect(r.byPeriod.slice(0, 2).map((p) => [p.submitted, p.onTime, p.zero])).toEqual([
      [1, 1, 0],
      [1, 1, 1],
    ]);
    expect(r.totals.submitted).toBe(2);
  });

  it('applies grace days (DHIS2 timelyDays)', () => {
    const submissions = [sub('u1', '2026-11-28', '2026-11-29T15:00:00')];
    const strict = computeCompleteness({ ...base, units: [unit('u1')], submissions });
    const lenient = computeCompleteness({
      ...base,
      deadline: { time: '16:00', dayOffset: 0, graceDays: 1 },
      units: [unit('u1')],
      submissions,
    });
    expect([strict.totals.onTime, lenient.totals.onTime]).toEqual([0, 1]);
  });

  it('uses the next-day deadline when the rule says so', () => {
    const r = computeCompleteness({
      ...base,
      from: '2026-11-28',
      to: '2026-11-28',
      deadline: { time: '10:00', dayOffset: 1 },
      units: [unit('u1')],
      submissions: [sub('u1', '2026-11-28', '2026-11-29T09:59:00')],
    });
    expect(r.totals.onTime).toBe(1);
  });

  it('leaves out periods that have not begun and keeps today', () => {
    const r = computeCompleteness({
      ...base,
      to: '2026-12-05',
      units: [unit('u1')],
      submissions: [],
      now: cst('2026-11-30T08:00:00'),
    });
    expect(r.periods).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });

  it('gives null rates when nothing is expected', () => {
    const r = computeCompleteness({ ...base, units: [], submissions: [] });
    expect(r.totals).toMatchObject({ expected: 0, reportingRate: null, timeliness: null });
  });

  it('counts a repeated unit once', () => {
    const r = computeCompleteness({ ...base, units: [unit('u1'), unit('u1')], submissions: [] });
    expect(r.totals.expected).toBe(3);
  });

  it('ignores submissions for periods outside the range', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('u1')],
      submissions: [sub('u1', '2026-12-01', '2026-12-01T09:00:00'), sub('u1', 'bad', '2026-12-01T09:00:00')],
    });
    expect(r.totals.submitted).toBe(0);
    expect(r.unexpected).toEqual([]);
  });

  it('handles weekly forms with the deadline on Sunday', () => {
    const r = computeCompleteness({
      periodType: 'weekly',
      deadline: { time: '16:00', dayOffset: 0 },
      from: '2026-W52',
      to: '2027-W01',
      units: [unit('u1')],
      submissions: [sub('u1', '2026-W53', '2027-01-03T15:00:00')],
    });
    expect(r.byPeriod.map((p) => [p.period, p.onTime])).toEqual([
      ['2026-W52', 0],
      ['2026-W53', 1],
      ['2027-W01', 0],
    ]);
  });

  it('rolls unit rows up by a key, recomputing the rates', () => {
    const r = computeCompleteness({
      ...base,
      units: [unit('a1'), unit('a2'), unit('b1')],
      submissions: [sub('a1', '2026-11-28', '2026-11-28T09:00:00'), sub('b1', '2026-11-28', '2026-11-28T17:00:00')],
    });
    const groups = rollupCompleteness(r.units, (u) => u.unitId[0]);
    expect(groups.get('a')).toMatchObject({ expected: 6, submitted: 1, onTime: 1, reportingRate: 1 / 6 });
    expect(groups.get('b')).toMatchObject({ expected: 3, submitted: 1, onTime: 0, timeliness: 0 });
  });
});

describe('completeness properties', () => {
  const DAY = 86_400_000;
  const start = cst('2026-11-25T00:00:00').getTime();
  const offset = fc.option(fc.integer({ min: -2 * DAY, max: 12 * DAY }), { nil: null });
  const units = fc
    .uniqueArray(fc.record({ unitId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), from: offset, until: offset }), {
      selector: (u) => u.unitId,
      maxLength: 6,
    })
    .map((us) =>
      us.map((u) => ({
        unitId: u.unitId,
        activeFrom: u.from === null ? null : new Date(start + u.from),
        retiredAt: u.until === null ? null : new Date(start + u.until),
      })),
    );
  const submissions = fc.array(
    fc.record({
      unitId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'x'),
      day: fc.integer({ min: 0, max: 9 }),
      lateness: fc.integer({ min: -DAY, max: 3 * DAY }),
      zero: fc.boolean(),
    }),
    { maxLength: 60 },
  );
  const grace = fc.integer({ min: 0, max: 2 });

  it('keeps 0 ≤ rates ≤ 1 and onTime ≤ submitted ≤ expected', () => {
    fc.assert(
      fc.property(units, submissions, grace, (us, ss, graceDays) => {
        const input: CompletenessInput = {
          periodType: 'daily',
          deadline: { time: '16:00', dayOffset: 0, graceDays },
          from: '2026-11-25',
          to: '2026-12-02',
          units: us,
          submissions: ss.map((s) => {
            const period = new Date(start + s.day * DAY + 8 * 3600_000).toISOString().slice(0, 10);
            return {
              unitId: s.unitId,
              period,
              submittedAt: new Date(start + s.day * DAY + 16 * 3600_000 + s.lateness),
              zero: s.zero,
            };
          }),
        };
        const r = computeCompleteness(input);
        expect(computeCompleteness(input, { denseCells: 0 })).toEqual(r); // the map path agrees with the typed arrays
        for (const row of [r.totals, ...r.units, ...r.byPeriod]) {
          expect(row.onTime).toBeLessThanOrEqual(row.submitted);
          expect(row.submitted).toBeLessThanOrEqual(row.expected);
          expect(row.zero).toBeLessThanOrEqual(row.submitted);
          expect(row.onTime + row.late).toBe(row.submitted);
          expect(row.submitted + row.missing).toBe(row.expected);
          for (const rate of [row.reportingRate, row.timeliness]) {
            if (row.expected === 0) expect(rate).toBeNull();
            else {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          }
        }
        expect(r.missing.length).toBe(r.totals.missing);
        expect(r.notDue.length).toBe(r.totals.notDue);
        expect(r.units.reduce((n, u) => n + u.expected, 0)).toBe(r.totals.expected);
        expect(r.byPeriod.reduce((n, p) => n + p.submitted, 0)).toBe(r.totals.submitted);
      }),
    );
  });
});
