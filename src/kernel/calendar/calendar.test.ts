import { describe, it, expect } from 'vitest';
import { createCalendar, type DayKind } from './index.js';
import { type DomainError } from '../errors.js';

const cal = createCalendar();
/** A local Asia/Shanghai wall-clock time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

const phrase: Record<DayKind, string> = {
  workday: 'a workday',
  weekend: 'a weekend day',
  holiday: 'a holiday',
  makeup_workday: 'a make-up workday',
};

describe('day kinds from the shipped schedule', () => {
  const table: [string, DayKind, string?][] = [
    ['2025-10-11', 'makeup_workday', '国庆节、中秋节'],
    ['2025-09-28', 'makeup_workday', '国庆节、中秋节'],
    ['2025-10-06', 'holiday', '国庆节、中秋节'],
    ['2025-10-08', 'holiday', '国庆节、中秋节'],
    ['2025-10-09', 'workday'],
    ['2025-01-26', 'makeup_workday', '春节'],
    ['2025-02-08', 'makeup_workday', '春节'],
    ['2025-01-28', 'holiday', '春节'],
    ['2025-02-04', 'holiday', '春节'],
    ['2025-02-05', 'workday'],
    ['2025-05-05', 'holiday', '劳动节'],
    ['2024-02-04', 'makeup_workday', '春节'],
    ['2024-02-18', 'makeup_workday', '春节'],
    ['2024-02-10', 'holiday', '春节'],
    ['2024-09-29', 'makeup_workday', '国庆节'],
    ['2024-10-12', 'makeup_workday', '国庆节'],
    ['2026-01-04', 'makeup_workday', '元旦'],
    ['2026-02-14', 'makeup_workday', '春节'],
    ['2026-02-23', 'holiday', '春节'],
    ['2026-02-28', 'makeup_workday', '春节'],
    ['2026-09-20', 'makeup_workday', '国庆节'],
    ['2026-10-07', 'holiday', '国庆节'],
    ['2026-10-10', 'makeup_workday', '国庆节'],
    ['2023-01-28', 'makeup_workday', '春节'],
    ['2023-01-29', 'makeup_workday', '春节'],
    ['2023-09-29', 'holiday', '中秋节、国庆节'],
    ['2023-10-07', 'makeup_workday', '中秋节、国庆节'],
    ['2023-10-08', 'makeup_workday', '中秋节、国庆节'],
    ['2022-12-31', 'holiday', '元旦'],
    ['2022-01-29', 'makeup_workday', '春节'],
    ['2022-10-09', 'makeup_workday', '国庆节'],
    ['2021-02-07', 'makeup_workday', '春节'],
    ['2021-02-20', 'makeup_workday', '春节'],
    ['2021-09-18', 'makeup_workday', '中秋节'],
    ['2020-01-19', 'makeup_workday', '春节'],
    ['2020-02-01', 'holiday', '春节'],
    ['2020-10-10', 'makeup_workday', '国庆节、中秋节'],
    ['2025-03-08', 'weekend'],
    ['2025-03-10', 'workday'],
  ];
  for (const [date, kind, name] of table) {
    it(`treats ${date} as ${phrase[kind]}${name ? ` (${name})` : ''}`, () => {
      expect(cal.dayInfo(date)).toEqual(name ? { date, kind, name } : { date, kind });
      expect(cal.isWorkday(date)).toBe(kind === 'workday' || kind === 'makeup_workday');
    });
  }
});

describe('coverage and the Monday–Friday fallback', () => {
  it('cites the State Council notice for a shipped year', () => {
    expect(cal.coverage(2025)).toEqual({
      covered: true,
      source: '《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号）',
    });
    expect(cal.coverage(2020).source).toContain('国办发明电〔2019〕16号');
  });
  it('reports years without a schedule as not covered', () => {
    expect(cal.coverage(2027)).toEqual({ covered: false });
    expect(cal.coverage(2019)).toEqual({ covered: false });
  });
  it('falls back to Monday–Friday in an uncovered year', () => {
    expect(cal.dayKind('2027-10-01')).toBe('workday'); // a Friday; no 国庆 schedule shipped yet
    expect(cal.dayKind('2027-10-02')).toBe('weekend');
    expect(cal.dayKind('2019-10-01')).toBe('workday');
    expect(cal.addWorkingDays(at('2027-09-30T10:00'), 1)).toEqual(at('2027-10-01T10:00'));
  });
  it('counts a year as covered once an admin enters days for it', () => {
    const c = createCalendar({ entries: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }] });
    expect(c.coverage(2027)).toEqual({ covered: true, source: 'admin' });
    expect(c.coverage(2028)).toEqual({ covered: false });
  });
});

describe('admin overrides', () => {
  it('lets a holiday entry win over a shipped make-up workday', () => {
    const c = createCalendar({ entries: [{ date: '2025-10-11', kind: 'holiday', name: '防汛' }] });
    expect(c.dayInfo('2025-10-11')).toEqual({ date: '2025-10-11', kind: 'holiday', name: '防汛' });
    expect(c.nextWorkday('2025-10-10')).toBe('2025-10-13');
  });
  it('lets a workday entry win over a shipped holiday', () => {
    const c = createCalendar({ entries: [{ date: '2025-10-08', kind: 'workday' }] });
    expect(c.dayKind('2025-10-08')).toBe('workday');
    expect(c.nextWorkday('2025-09-30')).toBe('2025-10-08');
  });
  it('calls a worked weekend day a make-up workday', () => {
    const c = createCalendar({ entries: [{ date: '2027-01-09', kind: 'workday' }] });
    expect(c.dayKind('2027-01-09')).toBe('makeup_workday');
    expect(c.workdaysBetween('2027-01-08', '2027-01-11')).toBe(2);
  });
  it('applies the later of two entries for the same date', () => {
    const c = createCalendar({
      entries: [
        { date: '2027-03-01', kind: 'holiday' },
        { date: '2027-03-01', kind: 'workday' },
      ],
    });
    expect(c.isWorkday('2027-03-01')).toBe(true);
  });
  it('moves deadlines past an admin holiday', () => {
    const c = createCalendar({ entries: [{ date: '2025-03-10', kind: 'holiday' }] });
    expect(c.addWorkingDays(at('2025-03-07T10:00'), 1)).toEqual(at('2025-03-11T10:00'));
  });
  it('refuses malformed entries, listing every problem', () => {
    try {
      createCalendar({
        entries: [
          { date: '2025-02-30', kind: 'holiday' },
          { date: '2025-03-01', kind: 'off' as 'holiday' },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('calendar.invalid_entry');
      expect((e as DomainError).errors.map((p) => p.field)).toEqual(['entries[0].date', 'entries[1].kind']);
    }
  });
});

describe('addWorkingHours', () => {
  const table: [string, string, number, string][] = [
    ['stays inside the morning', '2025-03-10T09:00', 2, '2025-03-10T11:00'],
    ['skips the lunch break', '2025-03-10T11:00', 2, '2025-03-10T15:30'],
    ['ends at noon rather than at 14:30', '2025-03-10T11:00', 1, '2025-03-10T12:00'],
    ['starts counting after lunch', '2025-03-10T12:30', 1, '2025-03-10T15:30'],
    ['starts counting at 08:30', '2025-03-10T07:00', 1, '2025-03-10T09:30'],
    ['carries over the night', '2025-03-10T17:00', 1, '2025-03-11T09:00'],
    ['starts at night on the next morning', '2025-03-10T22:00', 0.5, '2025-03-11T09:00'],
    ['skips the weekend', '2025-03-07T17:00', 1, '2025-03-10T09:00'],
    ['starts on Saturday at Monday 08:30', '2025-03-08T10:00', 1, '2025-03-10T09:30'],
    ['skips the 2025 国庆 break', '2025-09-30T17:00', 1, '2025-10-09T09:00'],
    ['works the make-up Saturday 2025-10-11', '2025-10-10T17:00', 1, '2025-10-11T09:00'],
    ['works the make-up Saturday before 春节 2026', '2026-02-13T17:00', 1, '2026-02-14T09:00'],
    ['skips the 2026 春节 break', '2026-02-14T17:00', 1, '2026-02-24T09:00'],
    ['fills one whole day with 6.5 hours', '2025-03-10T08:30', 6.5, '2025-03-10T17:30'],
    ['spans two whole days with 13 hours', '2025-03-10T10:00', 13, '2025-03-12T10:00'],
    ['returns the start for 0 hours', '2025-03-08T10:00', 0, '2025-03-08T10:00'],
  ];
  for (const [behaviour, start, hours, expected] of table) {
    it(`${behaviour} (${start} + ${hours} h)`, () => {
      expect(local(cal.addWorkingHours(at(start), hours))).toBe(expected);
    });
  }
  it('refuses negative or non-finite hours', () => {
    expect(codeOf(() => cal.addWorkingHours(at('2025-03-10T09:00'), -1))).toBe('calendar.invalid_amount');
    expect(codeOf(() => cal.addWorkingHours(at('2025-03-10T09:00'), NaN))).toBe('calendar.invalid_amount');
  });
});

describe('addWorkingDays (deadline semantics)', () => {
  const table: [string, string, number, string][] = [
    ['keeps the clock time: Friday 10:00 + 2 is Tuesday 10:00', '2025-03-07T10:00', 2, '2025-03-11T10:00'],
    ['Friday 10:00 + 1 is Monday 10:00', '2025-03-07T10:00', 1, '2025-03-10T10:00'],
    ['counts a lunch-time start from 14:30', '2025-03-07T12:40', 2, '2025-03-11T14:30'],
    ['gives an evening report whole days to close of work', '2025-03-07T19:00', 2, '2025-03-11T17:30'],
    ['gives a Saturday report all of Monday', '2025-03-08T10:00', 1, '2025-03-10T17:30'],
    ['gives an early-morning report all of that day', '2025-03-10T07:00', 1, '2025-03-10T17:30'],
    ['treats 08:30 sharp like an early start', '2025-03-10T08:30', 1, '2025-03-10T17:30'],
    ['jumps the 2025 国庆 break', '2025-09-30T10:00', 1, '2025-10-09T10:00'],
    ['lands on the make-up Saturday 2025-10-11', '2025-09-30T10:00', 3, '2025-10-11T10:00'],
    ['lands on the make-up Saturday 2026-02-14', '2026-02-13T10:00', 1, '2026-02-14T10:00'],
    ['jumps the 2026 春节 break', '2026-02-13T10:00', 2, '2026-02-24T10:00'],
    ['jumps the 2024 春节 break to its make-up Sunday', '2024-02-09T10:00', 1, '2024-02-18T10:00'],
    ['returns the start for 0 days', '2025-03-08T10:00', 0, '2025-03-08T10:00'],
  ];
  for (const [behaviour, start, n, expected] of table) {
    it(`${behaviour} (${start} + ${n} d)`, () => {
      expect(local(cal.addWorkingDays(at(start), n))).toBe(expected);
    });
  }
  it('refuses fractional or negative day counts', () => {
    expect(codeOf(() => cal.addWorkingDays(at('2025-03-10T09:00'), 1.5))).toBe('calendar.invalid_amount');
    expect(codeOf(() => cal.addWorkingDays(at('2025-03-10T09:00'), -1))).toBe('calendar.invalid_amount');
  });
});

describe('workingMillisBetween', () => {
  const H = 3_600_000;
  it('is 0 for the same instant and for a span with no working time', () => {
    expect(cal.workingMillisBetween(at('2025-03-10T10:00'), at('2025-03-10T10:00'))).toBe(0);
    expect(cal.workingMillisBetween(at('2025-03-08T00:00'), at('2025-03-09T23:59'))).toBe(0);
    expect(cal.workingMillisBetween(at('2025-03-10T12:00'), at('2025-03-10T14:30'))).toBe(0);
    expect(cal.workingMillisBetween(at('2025-03-09T23:59'), at('2025-03-08T00:00'))).toBe(0);
  });
  it('is negative when the end comes first', () => {
    expect(cal.workingMillisBetween(at('2025-03-10T15:30'), at('2025-03-10T11:00'))).toBe(-2 * H);
  });
  it('counts across lunch, nights and weekends', () => {
    expect(cal.workingMillisBetween(at('2025-03-10T11:00'), at('2025-03-10T15:30'))).toBe(2 * H);
    expect(cal.workingMillisBetween(at('2025-03-07T17:00'), at('2025-03-10T09:00'))).toBe(1 * H);
  });
  it('counts nothing for the whole 2025 国庆 break', () => {
    expect(cal.workingMillisBetween(at('2025-09-30T17:30'), at('2025-10-09T08:30'))).toBe(0);
  });
});

describe('working days by date', () => {
  it('finds the next workday across holidays and make-up days', () => {
    expect(cal.nextWorkday('2025-03-07')).toBe('2025-03-10');
    expect(cal.nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(cal.nextWorkday('2025-10-10')).toBe('2025-10-11');
    expect(cal.nextWorkday('2020-01-23')).toBe('2020-02-03');
  });
  it('counts working days in (from, to]', () => {
    expect(cal.workdaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(cal.workdaysBetween('2025-03-07', '2025-03-07')).toBe(0);
    expect(cal.workdaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
    expect(cal.workdaysBetween('2025-09-30', '2025-10-13')).toBe(4);
  });
  it('counts the official number of working days in a year', () => {
    // 261 weekdays − 18 weekday holidays + 5 make-up days; 261 − 19 + 6.
    expect(cal.workdaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(cal.workdaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('time zone, work hours and input checks', () => {
  it('takes the local date in Asia/Shanghai', () => {
    expect(cal.localDate(new Date('2025-03-07T16:30:00Z'))).toBe('2025-03-08');
    expect(cal.startOfDay('2025-03-08')).toEqual(new Date('2025-03-07T16:00:00Z'));
  });
  it('honours another fixed-offset zone', () => {
    const utc = createCalendar({ timeZone: 'UTC' });
    expect(utc.localDate(new Date('2025-03-07T16:30:00Z'))).toBe('2025-03-07');
    expect(utc.addWorkingHours(new Date('2025-03-10T08:30:00Z'), 1)).toEqual(new Date('2025-03-10T09:30:00Z'));
  });
  it('refuses zones with daylight saving time and unknown zones', () => {
    expect(codeOf(() => createCalendar({ timeZone: 'Europe/Berlin' }))).toBe('calendar.invalid_time_zone');
    expect(codeOf(() => createCalendar({ timeZone: 'Mars/Olympus' }))).toBe('calendar.invalid_time_zone');
  });
  it('uses custom work hours', () => {
    const c = createCalendar({ workHours: [{ start: '09:00', end: '18:00' }] });
    expect(c.workdayMillis).toBe(9 * 3_600_000);
    expect(local(c.addWorkingHours(at('2025-03-10T17:00'), 2))).toBe('2025-03-11T10:00');
  });
  it('refuses overlapping or reversed work hours', () => {
    expect(
      codeOf(() =>
        createCalendar({
          workHours: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
      ),
    ).toBe('calendar.invalid_work_hours');
    expect(codeOf(() => createCalendar({ workHours: [{ start: '12:00', end: '08:00' }] }))).toBe(
      'calendar.invalid_work_hours',
    );
  });
  it('tells working time from breaks', () => {
    expect(cal.isWorkingTime(at('2025-03-10T09:00'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-03-10T13:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2025-10-11T09:00'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-10-08T09:00'))).toBe(false);
  });
  it('refuses impossible dates and invalid instants', () => {
    expect(codeOf(() => cal.isWorkday('2025-02-30'))).toBe('calendar.invalid_date');
    expect(codeOf(() => cal.isWorkday('2025-3-1'))).toBe('calendar.invalid_date');
    expect(codeOf(() => cal.localDate(new Date('nope')))).toBe('calendar.invalid_instant');
  });
});
