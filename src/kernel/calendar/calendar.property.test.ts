import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCalendar, type CalendarDay, type WorkCalendar } from './index.js';

const H = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * H;
const PERIODS = [
  [8.5 * H, 12 * H],
  [14.5 * H, 17.5 * H],
];
const FROM = Date.UTC(2019, 6, 1);
const TO = Date.UTC(2027, 5, 30);

const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
const minutes = fc.integer({ min: 0, max: 60 * 6.5 * 300 });
const entries = fc
  .array(
    fc.record({ offset: fc.integer({ min: 0, max: (TO - FROM) / DAY }), kind: fc.constantFrom('holiday', 'workday') }),
    { maxLength: 40 },
  )
  .map((xs) =>
    xs.map(({ offset, kind }): CalendarDay => ({
      date: new Date(FROM + offset * DAY).toISOString().slice(0, 10),
      kind,
    })),
  );

/** Brute force: walk the local days and intersect [a, b) with each working period. */
function oracleMillis(cal: WorkCalendar, a: Date, b: Date): number {
  if (b < a) return 0 - oracleMillis(cal, b, a);
  let sum = 0;
  for (let day = Math.floor((a.getTime() + OFFSET) / DAY); day * DAY - OFFSET < b.getTime(); day++) {
    if (!cal.isWorkday(new Date(day * DAY).toISOString().slice(0, 10))) continue;
    for (const [s, e] of PERIODS) {
      const lo = Math.max(a.getTime(), day * DAY + s - OFFSET);
      const hi = Math.min(b.getTime(), day * DAY + e - OFFSET);
      if (hi > lo) sum += hi - lo;
    }
  }
  return sum;
}

const cal = createCalendar();
const clockOf = (d: Date) => (d.getTime() + OFFSET) % DAY;

describe('calendar properties', () => {
  it('inverts addWorkingHours with workingMillisBetween for a start inside work hours', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        fc.pre(cal.isWorkingTime(a));
        expect(cal.workingMillisBetween(a, cal.addWorkingHours(a, m / 60))).toBe(m * 60_000);
      }),
    );
  });
  it('inverts addWorkingHours for any start, counting from the next working period', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        expect(cal.workingMillisBetween(a, cal.addWorkingHours(a, m / 60))).toBe(m * 60_000);
      }),
    );
  });
  it('returns the earliest instant that uses up the hours', () => {
    fc.assert(
      fc.property(
        instant,
        minutes.filter((m) => m > 0),
        (a, m) => {
          const end = cal.addWorkingHours(a, m / 60);
          expect(cal.workingMillisBetween(a, new Date(end.getTime() - 1))).toBe(m * 60_000 - 1);
        },
      ),
    );
  });
  it('makes addWorkingHours monotone in the hours', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(cal.addWorkingHours(a, lo / 60).getTime()).toBeLessThanOrEqual(
          cal.addWorkingHours(a, hi / 60).getTime(),
        );
      }),
    );
  });
  it('puts addWorkingDays deadlines on a workday, inside work hours, n whole days later', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const due = cal.addWorkingDays(d, n);
        expect(cal.isWorkday(cal.localDate(due))).toBe(true);
        expect(cal.isWorkingTime(due) || clockOf(due) === 17.5 * H).toBe(true);
        expect(cal.workingMillisBetween(d, due)).toBe(n * cal.workdayMillis);
      }),
    );
  });
  it('agrees with a day-by-day brute force, also under random admin overrides', () => {
    fc.assert(
      fc.property(entries, instant, fc.integer({ min: -90 * DAY, max: 90 * DAY }), (es, a, span) => {
        const c = createCalendar({ entries: es });
        const b = new Date(Math.min(TO, Math.max(FROM, a.getTime() + span)));
        expect(c.workingMillisBetween(a, b)).toBe(oracleMillis(c, a, b));
      }),
    );
  });
  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, x) => {
        expect(cal.workingMillisBetween(a, b)).toBe(0 - cal.workingMillisBetween(b, a));
        expect(cal.workingMillisBetween(a, b) + cal.workingMillisBetween(b, x)).toBe(cal.workingMillisBetween(a, x));
      }),
    );
  });
  it('steps nextWorkday over exactly the non-working days, under random admin overrides', () => {
    fc.assert(
      fc.property(entries, instant, (es, t) => {
        const c = createCalendar({ entries: es });
        const date = c.localDate(t);
        const next = c.nextWorkday(date);
        expect(c.isWorkday(next)).toBe(true);
        expect(c.workdaysBetween(date, next)).toBe(1);
        for (let d = Date.parse(`${date}T00:00Z`) + DAY; d < Date.parse(`${next}T00:00Z`); d += DAY) {
          expect(c.isWorkday(new Date(d).toISOString().slice(0, 10))).toBe(false);
        }
      }),
    );
  });
});
