import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../kernel/calendar/index.js';
import { nthWorkdayAfter, ratingDeadlines, reminderKind } from './rating-deadlines.js';

const cal = createCalendar();
const isWorkday = (d: string) => cal.isWorkday(d);

describe('the quarter and its deadlines', () => {
  it('counts working days past 国庆 with its 调休 (2025-Q3)', () => {
    // 10-01..10-08 off, Saturday 10-11 is a make-up working day.
    expect(ratingDeadlines('2025-Q3', isWorkday)).toEqual({
      self: '2025-10-14',
      propose: '2025-10-21',
      confirm: '2025-10-28',
    });
  });

  it('counts plain weeks (2025-Q2: ends Monday 06-30)', () => {
    expect(ratingDeadlines('2025-Q2', isWorkday)).toEqual({
      self: '2025-07-07',
      propose: '2025-07-14',
      confirm: '2025-07-21',
    });
  });

  it('lands on a working day with exactly n working days after the start (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 20 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const d = nthWorkdayAfter(start, n, isWorkday);
        expect(isWorkday(d)).toBe(true);
        expect(cal.workdaysBetween(start, d)).toBe(n);
      }),
    );
  });

  it('reminds on the last two working days before a deadline, and after it', () => {
    expect(reminderKind('2025-10-10', '2025-10-14', isWorkday)).toBeNull(); // Fri: 10, 11 (Sat, makeup), 13, 14
    expect(reminderKind('2025-10-13', '2025-10-14', isWorkday)).toBe('due_soon');
    expect(reminderKind('2025-10-14', '2025-10-14', isWorkday)).toBe('due_soon');
    expect(reminderKind('2025-10-12', '2025-10-14', isWorkday)).toBeNull(); // Sunday
    expect(reminderKind('2025-10-15', '2025-10-14', isWorkday)).toBe('overdue');
  });
});
