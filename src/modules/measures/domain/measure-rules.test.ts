import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateOf } from '../../../kernel/calendar/dates.js';
import {
  canEnd,
  checkNewMeasure,
  checkRecord,
  completenessOf,
  dayIndexOf,
  dueToComplete,
  dueToMiss,
  endDayOf,
  followUpDays,
  overlaps,
  rateOf,
  rollUp,
} from './measure-rules.js';

const dayArb = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));

describe('follow-up generation over a window', () => {
  it('gives one follow-up per day, contiguous, all inside the window', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 28 }), (start, length) => {
        const days = followUpDays(start, length);
        const end = endDayOf(start, length);
        expect(days).toHaveLength(length);
        expect(days[0]).toBe(start);
        expect(days.at(-1)).toBe(end);
        for (let i = 1; i < days.length; i++) expect(daysBetween(days[i - 1]!, days[i]!)).toBe(1);
        for (const d of days) expect(d >= start && d <= end).toBe(true);
        expect(new Set(days).size).toBe(length);
      }),
    );
  });

  it('counts Asia/Shanghai days: no daylight saving, a window over a month or year end keeps its length', () => {
    // 7 days from 2026-12-28 run into 2027; 14 from 2024-02-20 cross a leap day.
    expect(followUpDays('2026-12-28', 7)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(endDayOf('2024-02-20', 14)).toBe('2024-03-04');
    // Midnight in Shanghai is 16:00 UTC the day before; the spring and autumn European/US clock changes
    // move nothing here (UTC+8 all year).
    expect(localDateOf(new Date('2026-03-28T15:59:59Z'))).toBe('2026-03-28');
    expect(localDateOf(new Date('2026-03-28T16:00:00Z'))).toBe('2026-03-29');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 86_399 }), (d, s) => {
        // Every instant of a Shanghai day maps to that day: 24 hours a day, every day.
        const day = addDays('2020-01-01', d);
        const midnightUtc = Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000;
        expect(localDateOf(new Date(midnightUtc + s * 1000))).toBe(day);
      }),
    );
  });

  it('numbers the days of the window from 1', () => {
    const w = { startDay: '2026-12-07', endDay: '2026-12-13' };
    expect(dayIndexOf(w, '2026-12-07')).toBe(1);
    expect(dayIndexOf(w, '2026-12-13')).toBe(7);
  });
});

describe('a new measure', () => {
  const today = '2026-12-07';

  it('starts today or later, with a length of 1–28 days and test days inside its window', () => {
    expect(
      checkNewMeasure({ startDay: today, lengthDays: 7, testDays: ['2026-12-08', '2026-12-13'] }, today, []),
    ).toEqual([]);
    expect(checkNewMeasure({ startDay: '2026-12-06', lengthDays: 7, testDays: [] }, today, [])).toEqual([
      { field: 'startDay', code: 'measure.start_in_past', params: { today } },
    ]);
    expect(checkNewMeasure({ startDay: today, lengthDays: 29, testDays: [] }, today, [])[0]).toMatchObject({
      field: 'lengthDays',
    });
    expect(checkNewMeasure({ startDay: today, lengthDays: 7, testDays: ['2026-12-14'] }, today, [])).toEqual([
      {
        field: 'testDays[0]',
        code: 'measure.test_day_outside',
        params: { start: '2026-12-07', end: '2026-12-13' },
      },
    ]);
    expect(
      checkNewMeasure({ startDay: today, lengthDays: 7, testDays: ['2026-12-08', '2026-12-08'] }, today, []),
    ).toEqual([{ field: 'testDays[1]', code: 'measure.test_day_repeated', params: { day: '2026-12-08' } }]);
  });

  it('is refused when it shares a day with an open measure of the same person (field startDay)', () => {
    const open = [{ startDay: '2026-12-01', endDay: '2026-12-07' }];
    expect(checkNewMeasure({ startDay: today, lengthDays: 7, testDays: [] }, today, open)).toEqual([
      { field: 'startDay', code: 'measure.overlap', params: { start: '2026-12-01', end: '2026-12-07' } },
    ]);
    // The day after the open one ends: no overlap.
    expect(checkNewMeasure({ startDay: '2026-12-08', lengthDays: 7, testDays: [] }, today, open)).toEqual([]);
  });

  it('overlap is symmetric and a window overlaps itself', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 1, max: 28 }),
        dayArb,
        fc.integer({ min: 1, max: 28 }),
        (s1, l1, s2, l2) => {
          const a = { startDay: s1, endDay: endDayOf(s1, l1) };
          const b = { startDay: s2, endDay: endDayOf(s2, l2) };
          expect(overlaps(a, b)).toBe(overlaps(b, a));
          expect(overlaps(a, a)).toBe(true);
          const shared = followUpDays(s1, l1).some((d) => followUpDays(s2, l2).includes(d));
          expect(overlaps(a, b)).toBe(shared);
        },
      ),
    );
  });
});

describe('recording a follow-up', () => {
  const m = { startDay: '2026-12-05', endDay: '2026-12-11', status: 'open' as const, endedOn: null };
  const pending = { status: 'not_performed' as const, recordedBy: null };

  it('takes a day of the window up to today, once', () => {
    expect(checkRecord(m, '2026-12-07', '2026-12-07', pending)).toBeNull();
    expect(checkRecord(m, '2026-12-08', '2026-12-07', pending)).toMatchObject({ code: 'followup.future_day' });
    expect(checkRecord(m, '2026-12-04', '2026-12-07', undefined)).toMatchObject({
      field: 'day',
      code: 'followup.outside_window',
    });
    expect(checkRecord(m, '2026-12-07', '2026-12-07', { status: 'seen_ok', recordedBy: 'a' })).toMatchObject({
      code: 'followup.already_recorded',
    });
  });

  it('lets a late-syncing phone record a day the job marked missed, but not a day an owner recorded missed', () => {
    expect(checkRecord(m, '2026-12-06', '2026-12-07', { status: 'missed', recordedBy: null })).toBeNull();
    expect(checkRecord(m, '2026-12-06', '2026-12-07', { status: 'missed', recordedBy: 'x' })).toMatchObject({
      code: 'followup.already_recorded',
    });
  });

  it('refuses the days after a measure ended early (转院, 失访)', () => {
    const ended = { ...m, status: 'hospital' as const, endedOn: '2026-12-06' };
    expect(checkRecord(ended, '2026-12-07', '2026-12-07', undefined)).toMatchObject({
      code: 'followup.outside_window',
      params: { start: '2026-12-05', end: '2026-12-06' },
    });
    expect(checkRecord(ended, '2026-12-06', '2026-12-07', pending)).toMatchObject({ code: 'followup.measure_ended' });
  });
});

describe('the end of each day and the end of the window', () => {
  it('marks missed only unrecorded follow-ups of days before today; a second pass finds none', () => {
    const rows = [
      { day: '2026-12-05', status: 'seen_ok' as const },
      { day: '2026-12-06', status: 'not_performed' as const },
      { day: '2026-12-07', status: 'not_performed' as const },
    ];
    const marked = dueToMiss(rows, '2026-12-07');
    expect(marked.map((r) => r.day)).toEqual(['2026-12-06']);
    const after = rows.map((r) => (marked.includes(r) ? { ...r, status: 'missed' as const } : r));
    expect(dueToMiss(after, '2026-12-07')).toEqual([]);
  });

  it('completes open measures whose last day is over, not on their last day', () => {
    const ms = [
      { endDay: '2026-12-06', status: 'open' as const },
      { endDay: '2026-12-07', status: 'open' as const },
      { endDay: '2026-12-01', status: 'lost' as const },
    ];
    expect(dueToComplete(ms, '2026-12-07')).toEqual([ms[0]]);
  });

  it('ends by hand only while open; completed only once the window is over', () => {
    const w = { startDay: '2026-12-01', endDay: '2026-12-07' };
    expect(canEnd('open', 'hospital', w, '2026-12-03')).toBeNull();
    expect(canEnd('lost', 'hospital', w, '2026-12-03')).toBe('measure.not_open');
    expect(canEnd('open', 'completed', w, '2026-12-07')).toBe('measure.window_not_over');
    expect(canEnd('open', 'completed', w, '2026-12-08')).toBeNull();
  });
});

describe('completeness', () => {
  it('counts seen ÷ due; today counts once recorded, not while pending (hand-computed)', () => {
    // A 7-day measure from 12-01, asked on 12-05: days 1–4 are due (seen, seen, missed, seen-not-ok),
    // 12-05 recorded seen counts too; 12-06/07 not yet.
    const rows = [
      { day: '2026-12-01', status: 'seen_ok' as const },
      { day: '2026-12-02', status: 'seen_ok' as const },
      { day: '2026-12-03', status: 'missed' as const },
      { day: '2026-12-04', status: 'seen_not_ok' as const },
      { day: '2026-12-05', status: 'seen_ok' as const },
      { day: '2026-12-06', status: 'not_performed' as const },
      { day: '2026-12-07', status: 'not_performed' as const },
    ];
    const c = completenessOf(rows, '2026-12-05');
    expect(c).toEqual({ due: 5, seen: 4, missed: 1 });
    expect(rateOf(c)).toBe(0.8);
    // The same morning before anyone visited: today pending, not due.
    const morning = rows.map((r) => (r.day === '2026-12-05' ? { ...r, status: 'not_performed' as const } : r));
    expect(completenessOf(morning, '2026-12-05')).toEqual({ due: 4, seen: 3, missed: 1 });
    expect(rateOf({ due: 0, seen: 0, missed: 0 })).toBeNull();
    // A grouped read: each row stands for n follow-ups alike — the same as listing them one by one.
    const grouped = [
      { day: '2026-12-03', status: 'seen_ok' as const, n: 3 },
      { day: '2026-12-04', status: 'missed' as const, n: 2 },
      { day: '2026-12-05', status: 'not_performed' as const, n: 4 },
    ];
    expect(completenessOf(grouped, '2026-12-05')).toEqual({ due: 5, seen: 3, missed: 2 });
  });

  it('rolls communities up into their sub-district: sums, and the rate of the sums', () => {
    const m = rollUp([
      { key: '德化', counts: { due: 10, seen: 9, missed: 1 } },
      { key: '朱庄', counts: { due: 4, seen: 2, missed: 2 } },
      { key: '德化', counts: { due: 2, seen: 2, missed: 0 } },
    ]);
    expect(m.get('德化')).toEqual({ due: 12, seen: 11, missed: 1 });
    const street = rollUp([...m].map(([, counts]) => ({ key: '陈州', counts })));
    expect(street.get('陈州')).toEqual({ due: 16, seen: 13, missed: 3 });
    expect(rateOf(street.get('陈州')!)).toBeCloseTo(13 / 16);
  });

  it('seen + missed = due, and seen ≤ due, for any follow-up list', () => {
    const status = fc.constantFrom('not_performed', 'seen_ok', 'seen_not_ok', 'missed' as const);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), status)),
        fc.integer({ min: 0, max: 20 }),
        (xs, t) => {
          const rows = xs.map(([d, s]) => ({ day: addDays('2026-12-01', d), status: s as 'seen_ok' }));
          const c = completenessOf(rows, addDays('2026-12-01', t));
          expect(c.seen + c.missed).toBe(c.due);
          expect(c.seen).toBeLessThanOrEqual(c.due);
        },
      ),
    );
  });
});
