import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../../kernel/calendar/index.js';
import {
  addTimeLimit,
  caseEscalationLevel,
  closedOnTime,
  deadlineStatus,
  escalationLevel,
  handledOnTime,
  overdueWorkingMillis,
  timeLimitMillis,
} from './case-deadlines.js';
import { applyAction } from './case-workflow.js';
import { admin, calendar, cst, stateFor, validAction } from './case-test-fixtures.js';

const H = 3_600_000;

function dispatchedAt(local: string, value: number, unit: 'hours' | 'days') {
  return applyAction(stateFor('accepted'), validAction('dispatch', { timeLimit: { value, unit } }), {
    actor: admin,
    now: cst(local),
    calendar,
  }).state;
}

describe('deadlines on dispatch', () => {
  it('counts working days over a make-up Sunday', () => {
    // 28 September 2025 (Sunday) is worked for the National Day holiday.
    expect(dispatchedAt('2025-09-26T10:00', 2, 'days').deadline).toEqual(cst('2025-09-29T10:00'));
  });
  it('skips the National Day holiday', () => {
    expect(dispatchedAt('2025-09-30T10:00', 1, 'days').deadline).toEqual(cst('2025-10-09T10:00'));
  });
  it('counts working hours across the lunch break and into the next working day', () => {
    // Friday 16:30 → 1 h left on Friday, Saturday off, Sunday 28 worked: 08:30 + 3 h.
    expect(dispatchedAt('2025-09-26T16:30', 4, 'hours').deadline).toEqual(cst('2025-09-28T11:30'));
    expect(dispatchedAt('2025-09-24T11:00', 2, 'hours').deadline).toEqual(cst('2025-09-24T15:30'));
  });
  it('counts a dispatch on a weekend evening from the next working period', () => {
    expect(dispatchedAt('2025-09-20T20:00', 1, 'days').deadline).toEqual(cst('2025-09-22T17:30'));
  });
  it('honours an administrator’s extra day off', () => {
    const cal = createCalendar({ entries: [{ date: '2025-09-29', kind: 'holiday', name: '防汛停工' }] });
    expect(addTimeLimit(cal, cst('2025-09-26T10:00'), { value: 2, unit: 'days' })).toEqual(cst('2025-09-30T10:00'));
  });
});

describe('deadline status', () => {
  // Two working days (13 h): 20 % is 2.6 h, more than the 2 h floor.
  const s = dispatchedAt('2025-09-26T10:00', 2, 'days');
  it.each([
    ['2025-09-26T10:00', 'on_time'],
    ['2025-09-28T15:00', 'on_time'], // 2.5 h Sunday + 1.5 h Monday = 4 h left
    ['2025-09-28T16:30', 'near_overdue'], // 1 h + 1.5 h = 2.5 h ≤ 2.6 h
    ['2025-09-29T08:30', 'near_overdue'],
    ['2025-09-29T10:00', 'near_overdue'],
    ['2025-09-29T10:01', 'overdue'],
  ])('at %s is %s', (at, expected) => {
    expect(deadlineStatus(s, cst(at), calendar)).toBe(expected);
  });

  it('uses the 2-hour floor for short limits', () => {
    const short = dispatchedAt('2025-09-24T08:30', 4, 'hours'); // deadline 12:00 + 0.5 h → 15:00
    expect(short.deadline).toEqual(cst('2025-09-24T15:00'));
    expect(deadlineStatus(short, cst('2025-09-24T10:29'), calendar)).toBe('on_time'); // 2 h 1 min left
    expect(deadlineStatus(short, cst('2025-09-24T10:30'), calendar)).toBe('near_overdue');
  });

  it('takes other thresholds as parameters', () => {
    expect(deadlineStatus(s, cst('2025-09-28T15:00'), calendar, { ratio: 0.5, minHours: 0 })).toBe('near_overdue');
    expect(deadlineStatus(s, cst('2025-09-29T08:30'), calendar, { ratio: 0, minHours: 1 })).toBe('on_time');
  });

  it('is overdue over the weekend after a Friday deadline, with no working time past it yet', () => {
    const fri = dispatchedAt('2025-09-18T17:30', 1, 'days');
    expect(fri.deadline).toEqual(cst('2025-09-19T17:30'));
    expect(deadlineStatus(fri, cst('2025-09-20T10:00'), calendar)).toBe('overdue');
    expect(overdueWorkingMillis(fri, cst('2025-09-20T10:00'), calendar)).toBe(0);
    expect(caseEscalationLevel(fri, cst('2025-09-20T10:00'), calendar)).toBe(1);
  });

  it('has no status when the unit’s clock is not running', () => {
    expect(deadlineStatus(stateFor('accepted'), cst('2030-01-01T10:00'), calendar)).toBe('none');
    expect(deadlineStatus(stateFor('pending_verification'), cst('2030-01-01T10:00'), calendar)).toBe('none');
    expect(deadlineStatus(stateFor('closed'), cst('2030-01-01T10:00'), calendar)).toBe('none');
  });
});

describe('escalation of repeated overdue', () => {
  const limit = 4 * H;
  it.each([
    [0, 1],
    [limit - 1, 1],
    [limit, 2],
    [2 * limit - 1, 2],
    [2 * limit, 3],
    [10 * limit, 3],
  ])('%i ms overdue on a 4 h limit is level %i', (overdue, level) => {
    expect(escalationLevel(overdue, limit)).toBe(level);
  });
  it('caps at the given level', () => {
    expect(escalationLevel(10 * limit, limit, 5)).toBe(5);
  });
  it('measures a case’s overdue time in working time', () => {
    const s = dispatchedAt('2025-09-26T08:30', 1, 'days');
    expect(s.deadline).toEqual(cst('2025-09-26T17:30'));
    expect(caseEscalationLevel(s, cst('2025-09-26T17:30'), calendar)).toBe(0);
    expect(caseEscalationLevel(s, cst('2025-09-27T10:00'), calendar)).toBe(1);
    // Sunday 28 is a make-up workday: one full working day overdue at its close.
    expect(caseEscalationLevel(s, cst('2025-09-28T17:29'), calendar)).toBe(1);
    expect(caseEscalationLevel(s, cst('2025-09-28T17:30'), calendar)).toBe(2);
    expect(caseEscalationLevel(s, cst('2025-09-29T17:30'), calendar)).toBe(3);
  });
  it('converts time limits to working time', () => {
    expect(timeLimitMillis({ value: 2, unit: 'days' }, calendar)).toBe(13 * H);
    expect(timeLimitMillis({ value: 1.5, unit: 'hours' }, calendar)).toBe(1.5 * H);
  });
});

describe('on time', () => {
  const deadline = cst('2025-09-29T10:00');
  it('closes on time at or before the deadline, and a fix on the spot always', () => {
    expect(closedOnTime({ status: 'closed', closedAt: deadline, deadline })).toBe(true);
    expect(closedOnTime({ status: 'closed', closedAt: new Date(deadline.getTime() + 1), deadline })).toBe(false);
    expect(closedOnTime({ status: 'closed', closedAt: deadline, deadline: null })).toBe(true);
    expect(closedOnTime({ status: 'handling', closedAt: null, deadline })).toBe(false);
  });
  it('judges handling by the first feedback against the deadline then in force', () => {
    const late = new Date(deadline.getTime() + H);
    expect(handledOnTime({ firstFeedbackAt: late, deadline })).toBe(false);
    expect(
      handledOnTime({ firstFeedbackAt: late, deadline: new Date(late.getTime() + H), firstFeedbackOnTime: false }),
    ).toBe(false);
    expect(handledOnTime({ firstFeedbackAt: null, deadline })).toBe(false);
  });
});
