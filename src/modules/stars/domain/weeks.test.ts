import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createCalendar, fromDay } from '../../../kernel/calendar/index.js';
import {
  daysOfWeek,
  dueDayOf,
  isMonday,
  isoWeekday,
  mondayOf,
  weeksBetween,
  weekStatus,
  weeksToRemind,
  type WeekFacts,
} from './weeks.js';

const cal = createCalendar();
const workday = (d: string) => cal.isWorkday(d);
const next = (d: string) => cal.nextWorkday(d);
/** Days 2020-01-01 … 2026-12-31 (the years the shipped schedule covers). */
const aDay = fc.integer({ min: 18262, max: 20818 }).map(fromDay);

describe('weeks keyed by their Monday', () => {
  it('knows the weekdays of known dates', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(isMonday('2026-11-30')).toBe(true);
    expect(isMonday('2026-12-01')).toBe(false);
    expect(isMonday('2026-02-30')).toBe(false);
  });

  it('puts every day in the week of its Monday, six days at most after it', () =>
    fc.assert(
      fc.property(aDay, (d) => {
        const m = mondayOf(d);
        expect(isMonday(m)).toBe(true);
        expect(daysOfWeek(m)).toContain(d);
        expect(mondayOf(m)).toBe(m);
      }),
    ));

  it('lists the weeks touching a period, consecutive and covering both ends', () =>
    fc.assert(
      fc.property(aDay, fc.integer({ min: 0, max: 200 }), (from, n) => {
        const to = addDays(from, n);
        const weeks = weeksBetween(from, to);
        expect(weeks[0]).toBe(mondayOf(from));
        expect(weeks.at(-1)).toBe(mondayOf(to));
        weeks.slice(1).forEach((w, i) => expect(addDays(weeks[i]!, 7)).toBe(w));
      }),
    ));
});

describe('the due day: the week’s last working day on the calendar with 调休', () => {
  it('is Friday in a plain week', () => expect(dueDayOf('2026-11-23', workday)).toBe('2026-11-27'));

  it('is the make-up Saturday or Sunday when the week has one (国庆 2026: 调休 on Sat 10-10)', () => {
    expect(cal.dayKind('2026-10-10')).toBe('makeup_workday');
    expect(dueDayOf('2026-10-05', workday)).toBe('2026-10-10');
  });

  it('is the last day before the holiday when the week ends in one (2026-09-28: 国庆 from Thu 10-01)', () =>
    expect(dueDayOf('2026-09-28', workday)).toBe('2026-09-30'));

  it('is null for a week without a working day (春节 2026: Feb 16–22)', () =>
    expect(dueDayOf('2026-02-16', workday)).toBeNull());

  it('is always a working day of the week, with none after it', () =>
    fc.assert(
      fc.property(aDay, (d) => {
        const m = mondayOf(d);
        const due = dueDayOf(m, workday);
        if (due === null) {
          expect(daysOfWeek(m).some(workday)).toBe(false);
          return;
        }
        expect(workday(due)).toBe(true);
        expect(daysOfWeek(m)).toContain(due);
        expect(
          daysOfWeek(m)
            .filter((x) => x > due)
            .some(workday),
        ).toBe(false);
      }),
    ));
});

describe('a branch’s status for a week', () => {
  const base: WeekFacts = {
    monday: '2026-11-23',
    dueDay: '2026-11-27',
    today: '2026-11-30',
    firstReportedOn: null,
    branchFrom: '2020-01-01',
    branchUntil: null,
  };
  it.each<[Partial<WeekFacts>, string]>([
    [{ firstReportedOn: '2026-11-27' }, 'reported'],
    [{ firstReportedOn: '2026-11-23' }, 'reported'],
    [{ firstReportedOn: '2026-11-30' }, 'late'],
    [{}, 'missing'],
    [{ today: '2026-11-27' }, 'pending'],
    [{ today: '2026-11-25' }, 'pending'],
    [{ dueDay: null }, 'exempt'],
    [{ dueDay: null, firstReportedOn: '2026-11-25' }, 'reported'],
    [{ branchFrom: '2026-11-28' }, 'none'],
    [{ branchUntil: '2026-11-22' }, 'none'],
    [{ branchUntil: '2026-11-24' }, 'missing'],
  ])('%o → %s', (over, status) => expect(weekStatus({ ...base, ...over })).toBe(status));

  it('never calls a reported week missing, nor an unreported one reported', () =>
    fc.assert(
      fc.property(aDay, aDay, fc.option(aDay), (d, today, first) => {
        const monday = mondayOf(d);
        const s = weekStatus({ ...base, monday, dueDay: dueDayOf(monday, workday), today, firstReportedOn: first });
        if (first) expect(['reported', 'late']).toContain(s);
        else expect(['missing', 'pending', 'exempt', 'none']).toContain(s);
      }),
    ));
});

describe('which weeks are reminded on a day', () => {
  it('reminds Monday for the week due the Friday before', () =>
    expect(weeksToRemind('2026-11-30', workday, next)).toEqual(['2026-11-23']));

  it('reminds nothing on Tuesday of a plain week beyond the catch-up of that week', () =>
    expect(weeksToRemind('2026-12-01', workday, next)).toEqual(['2026-11-23']));

  it('reminds nothing on a weekend', () => expect(weeksToRemind('2026-11-28', workday, next)).toEqual([]));

  it('reminds after 国庆: the week due Wed 09-30 is reminded on Thu 10-08, the first working day after', () => {
    expect(next('2026-09-30')).toBe('2026-10-08');
    expect(weeksToRemind('2026-10-08', workday, next)).toContain('2026-09-28');
  });

  it('reminds a week exactly from the working day after its due day, for seven days', () =>
    fc.assert(
      fc.property(aDay, (today) => {
        for (const week of weeksToRemind(today, workday, next)) {
          const due = dueDayOf(week, workday)!;
          expect(next(due) <= today).toBe(true);
          expect(today < addDays(next(due), 7)).toBe(true);
        }
      }),
    ));

  it('reminds every week with a due day on the working day after it', () =>
    fc.assert(
      fc.property(aDay, (d) => {
        const week = mondayOf(d);
        const due = dueDayOf(week, workday);
        if (!due || next(due) > '2026-12-31') return;
        expect(weeksToRemind(next(due), workday, next)).toContain(week);
      }),
    ));
});
