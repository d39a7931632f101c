import { describe, it, expect } from 'vitest';
import { computeKpis, emptyKpiCounts, kpisFromCounts, type CaseSummary } from './case-kpis.js';
import { replay } from './case-workflow.js';
import { calendar, cst, walk } from './case-test-fixtures.js';

const d = cst;
const base: CaseSummary = {
  status: 'handling',
  dispatchedAt: d('2025-09-22T09:00'),
  deadline: d('2025-09-24T09:00'),
  closedAt: null,
  firstFeedbackAt: null,
  reworkCount: 0,
  extensionCount: 0,
};
const asOf = d('2025-09-30T17:30');

const cases: CaseSummary[] = [
  // closed on time, handled in 3 working hours
  { ...base, status: 'closed', firstFeedbackAt: d('2025-09-22T12:00'), closedAt: d('2025-09-23T09:00') },
  // closed late after one rework and an extension
  {
    ...base,
    status: 'closed',
    firstFeedbackAt: d('2025-09-23T09:00'),
    closedAt: d('2025-09-25T09:00'),
    reworkCount: 1,
    extensionCount: 1,
  },
  // overdue, no feedback
  { ...base },
  // handled late, awaiting verification
  { ...base, status: 'pending_verification', firstFeedbackAt: d('2025-09-25T09:00') },
  // deadline after asOf: not yet due
  { ...base, deadline: d('2025-10-10T09:00') },
  // fixed on the spot: closed, never dispatched
  { ...base, status: 'closed', dispatchedAt: null, deadline: null, closedAt: d('2025-09-22T10:00') },
  // never counted
  { ...base, status: 'rejected', dispatchedAt: null, deadline: null },
  { ...base, status: 'merged', dispatchedAt: null, deadline: null },
];

describe('KPIs of GB/T 30428.4', () => {
  const k = computeKpis(cases, { asOf, calendar });
  it('counts what is due, closed and handled', () => {
    expect(k.counts).toMatchObject({
      cases: 6,
      rejected: 1,
      merged: 1,
      dispatched: 5,
      dueToClose: 5,
      closed: 3,
      closedOnTime: 2,
      dueToHandle: 4,
      handled: 3,
      handledOnTime: 2,
      reworked: 1,
      extended: 1,
      overdueOpen: 1,
    });
  });
  it('divides as documented', () => {
    expect(k.closeRate).toBeCloseTo(3 / 5);
    expect(k.onTimeCloseRate).toBeCloseTo(2 / 5);
    expect(k.handleRate).toBeCloseTo(3 / 4);
    expect(k.onTimeHandleRate).toBeCloseTo(2 / 4);
    expect(k.reworkRate).toBeCloseTo(1 / 3);
    expect(k.extensionRate).toBeCloseTo(1 / 5);
  });
  it('averages handling time in working hours', () => {
    // 3 h, 6.5 h and 19.5 h from Monday 09:00 to the first feedback.
    expect(k.avgHandlingHours).toBeCloseTo((3 + 6.5 + 19.5) / 3);
    // 6.5 h and 19.5 h to the close (the fix on the spot was never dispatched).
    expect(k.avgClosingHours).toBeCloseTo((6.5 + 19.5) / 2);
  });
  it('gives null, not NaN, for empty denominators', () => {
    const empty = kpisFromCounts(emptyKpiCounts());
    expect(Object.values(empty).filter((v) => v !== null && typeof v === 'number')).toEqual([]);
    expect(computeKpis([], { asOf }).closeRate).toBeNull();
  });
  it('leaves average times null without a calendar', () => {
    expect(computeKpis(cases, { asOf }).avgHandlingHours).toBeNull();
  });
  it('takes case states as summaries', () => {
    const { state } = walk(['report', 'escalate', 'accept', 'dispatch', 'start', 'feedback', 'verify_pass']);
    const k1 = computeKpis([replay(walk(['report']).records), state], { asOf, calendar });
    expect(k1.counts).toMatchObject({ cases: 2, closed: 1, closedOnTime: 1, handledOnTime: 1 });
  });
});
