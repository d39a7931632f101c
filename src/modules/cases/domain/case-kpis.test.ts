import { describe, it, expect } from 'vitest';
import { computeKpis, emptyKpiCounts, kpisFromCounts, type CaseSummary, type KpiOptions } from './case-kpis.js';
import { calendar, cst, validAction, walk } from './case-test-fixtures.js';
import type { CaseAction } from './case-types.js';

const d = cst;
const none = {
  acceptedAt: null,
  rejectedAt: null,
  mergedAt: null,
  dispatchedAt: null,
  deadline: null,
  closedAt: null,
  firstFeedbackAt: null,
  firstFeedbackOnTime: null,
  handlingDispatchedAt: null,
  handlingDeadline: null,
  reworkCount: 0,
  extensionCount: 0,
} as const;

/**
 * A September (2025-09-01 … 09-30, Asia/Shanghai) written from the definitions of GB/T 30428.4 as
 * cities publish them (docs/kpis.md), taken on 2025-10-09 at noon. Each case says which counts it enters.
 */
const cases: Record<string, CaseSummary> = {
  // Reported and accepted in August, dispatched Mon 1 Sep 09:00 with a deadline of Tue 2 Sep 09:00,
  // fed back in time at 11:00 (2 working hours), closed late on Wed 3 Sep 10:00.
  // → 派遣; 应结案 (deadline 2 Sep), 结案, not 按期; 应处置 (feedback 1 Sep), 处置, 按期.
  A: {
    ...none,
    status: 'closed',
    reportedAt: d('2025-08-28T10:00'),
    acceptedAt: d('2025-08-28T11:00'),
    dispatchedAt: d('2025-09-01T09:00'),
    deadline: d('2025-09-02T09:00'),
    firstFeedbackAt: d('2025-09-01T11:00'),
    firstFeedbackOnTime: true,
    handlingDispatchedAt: d('2025-09-01T09:00'),
    handlingDeadline: d('2025-09-02T09:00'),
    closedAt: d('2025-09-03T10:00'),
  },
  // Reported, accepted and dispatched Wed 10 Sep 09:00 (deadline 3 Oct); fed back at 10:30 (1.5 h),
  // failed verification once, closed ahead of time on Fri 12 Sep 09:00.
  // → 受理, 立案, 派遣; 应结案 in September (closed before its deadline: counted when it closed), 结案, 按期, 返工; 应处置, 处置, 按期.
  B: {
    ...none,
    status: 'closed',
    reportedAt: d('2025-09-10T08:00'),
    acceptedAt: d('2025-09-10T08:30'),
    dispatchedAt: d('2025-09-10T09:00'),
    deadline: d('2025-10-03T09:00'),
    firstFeedbackAt: d('2025-09-10T10:30'),
    firstFeedbackOnTime: true,
    handlingDispatchedAt: d('2025-09-10T09:00'),
    handlingDeadline: d('2025-10-03T09:00'),
    closedAt: d('2025-09-12T09:00'),
    reworkCount: 1,
  },
  // Dispatched 26 Sep with a deadline of 2 Oct, nothing done: due in October, not September.
  // → 受理, 立案, 派遣 only.
  C: {
    ...none,
    status: 'handling',
    reportedAt: d('2025-09-25T09:00'),
    acceptedAt: d('2025-09-25T10:00'),
    dispatchedAt: d('2025-09-26T09:00'),
    deadline: d('2025-10-02T09:00'),
  },
  // Dispatched 6 Sep, deadline 20 Sep extended to 27 Sep, still no feedback.
  // → 受理, 立案, 派遣; 应结案 (27 Sep), 延期; 应处置; 超期未处置.
  D: {
    ...none,
    status: 'handling',
    reportedAt: d('2025-09-05T09:00'),
    acceptedAt: d('2025-09-05T10:00'),
    dispatchedAt: d('2025-09-06T09:00'),
    deadline: d('2025-09-27T09:00'),
    extensionCount: 1,
  },
  // Still in the community's problem list: 受理 only, never 立案.
  E: { ...none, status: 'reported', reportedAt: d('2025-09-15T09:00') },
  // Rejected (不予立案): 受理 and 不予立案, nothing else.
  F: { ...none, status: 'rejected', reportedAt: d('2025-09-16T09:00'), rejectedAt: d('2025-09-17T09:00') },
  // Fixed on the spot (立行整改), verified 19 Sep: no deadline, closed → 受理; 应结案, 结案, 按期.
  G: { ...none, status: 'closed', reportedAt: d('2025-09-18T09:00'), closedAt: d('2025-09-19T09:00') },
  // Dispatched Mon 22 Sep 09:00, deadline 10:00, fed back late at 11:30 (2.5 h), failed verification:
  // rework until 9 Oct. → 受理, 立案, 派遣; 应处置 (its deadline then, 22 Sep), 处置, not 按期; 应结案 only in October.
  H: {
    ...none,
    status: 'handling',
    reportedAt: d('2025-09-20T09:00'),
    acceptedAt: d('2025-09-20T10:00'),
    dispatchedAt: d('2025-09-22T09:00'),
    deadline: d('2025-10-09T17:00'),
    firstFeedbackAt: d('2025-09-22T11:30'),
    firstFeedbackOnTime: false,
    handlingDispatchedAt: d('2025-09-22T09:00'),
    handlingDeadline: d('2025-09-22T10:00'),
    reworkCount: 1,
  },
  // Reported, accepted and dispatched in August, deadline 4 Sep, nothing done.
  // → 应结案, 应处置, 超期未处置 in September — so 应结案 can exceed 立案.
  I: {
    ...none,
    status: 'dispatched',
    reportedAt: d('2025-08-20T09:00'),
    acceptedAt: d('2025-08-20T10:00'),
    dispatchedAt: d('2025-08-21T09:00'),
    deadline: d('2025-09-04T09:00'),
  },
};

const september = { from: d('2025-09-01T00:00'), to: d('2025-10-01T00:00') };
const asOf = d('2025-10-09T12:00'); // before H's rework deadline (17:00)
const std: KpiOptions = { basis: 'standard', period: september, asOf, calendar };

describe('KPIs of GB/T 30428.4, standard basis (by the date each event falls on)', () => {
  const k = computeKpis(Object.values(cases), std);
  it('counts each case in the period its event fell in', () => {
    expect(k.counts).toEqual({
      reported: 7, // B C D E F G H
      accepted: 4, // B C D H
      rejected: 1, // F
      merged: 0,
      dispatched: 5, // A B C D H
      dueToClose: 5, // A B D G I
      closed: 3, // A B G
      closedOnTime: 2, // B G
      dueToHandle: 5, // A B D H I
      handled: 3, // A B H
      handledOnTime: 2, // A B
      reworked: 1, // B (H is due in October)
      extended: 1, // D
      overdueOpen: 2, // D I
      handlingMillis: (2 + 1.5 + 2.5) * 3_600_000,
      handlingSamples: 3,
      // A: Mon 09:00 → Wed 10:00 = two working days (6.5 h each) + 1 h; B: Wed 09:00 → Fri 09:00 = two days.
      closingMillis: (14 + 13) * 3_600_000,
      closingSamples: 2,
    });
  });
  it('lets 应结案数 exceed 立案数, as published weeks do', () => {
    expect(k.counts.dueToClose).toBeGreaterThan(k.counts.accepted);
  });
  it('divides 返工率 and 延期率 by 应结案数', () => {
    expect(k.closeRate).toBeCloseTo(3 / 5);
    expect(k.onTimeCloseRate).toBeCloseTo(2 / 5);
    expect(k.handleRate).toBeCloseTo(3 / 5);
    expect(k.onTimeHandleRate).toBeCloseTo(2 / 5);
    expect(k.reworkRate).toBeCloseTo(1 / 5);
    expect(k.extensionRate).toBeCloseTo(1 / 5);
    expect(k.avgHandlingHours).toBeCloseTo(2);
    expect(k.avgClosingHours).toBeCloseTo(13.5);
  });
  it('gives the published week of 郑州 (2019-04-08 … 14) from its counts', () => {
    const week = { ...emptyKpiCounts(), accepted: 51229, dueToClose: 52434, closed: 43523, closedOnTime: 40394 };
    const r = kpisFromCounts({ ...week, reworked: 276, extended: 104 }, 'standard');
    expect((r.reworkRate! * 100).toFixed(2)).toBe('0.53');
    expect((r.extensionRate! * 100).toFixed(2)).toBe('0.20');
    expect((r.closeRate! * 100).toFixed(2)).toBe('83.01');
    expect((r.onTimeCloseRate! * 100).toFixed(2)).toBe('77.04');
  });
  it('counts a case due in the period only once its deadline has passed', () => {
    const early = computeKpis([cases.D], { ...std, asOf: d('2025-09-26T09:00') });
    expect(early.counts).toMatchObject({ dueToClose: 0, dueToHandle: 0, overdueOpen: 0, dispatched: 1 });
  });
});

describe('KPIs, reported basis (the cases reported in the period)', () => {
  const k = computeKpis(Object.values(cases), { ...std, basis: 'reported' });
  it('follows the cases reported in September wherever their deadline falls', () => {
    expect(k.counts).toEqual({
      reported: 7, // B C D E F G H
      accepted: 4, // B C D H
      rejected: 1,
      merged: 0,
      dispatched: 4, // B C D H
      dueToClose: 4, // closed B G; past deadline C D (H's rework deadline is after asOf)
      closed: 2, // B G
      closedOnTime: 2,
      dueToHandle: 4, // handled B H; past deadline unhandled C D
      handled: 2,
      handledOnTime: 1, // B
      reworked: 2, // B H, among the handled
      extended: 1, // D, among the dispatched
      overdueOpen: 2, // C D
      handlingMillis: (1.5 + 2.5) * 3_600_000,
      handlingSamples: 2,
      closingMillis: 13 * 3_600_000,
      closingSamples: 1,
    });
  });
  it('divides 返工率 by 处置数 and 延期率 by 派遣数', () => {
    expect(k.reworkRate).toBeCloseTo(2 / 2);
    expect(k.extensionRate).toBeCloseTo(1 / 4);
  });
});

describe('KPIs: edges', () => {
  it('gives null, not NaN, for empty denominators', () => {
    const empty = kpisFromCounts(emptyKpiCounts());
    expect(Object.values(empty).filter((v) => v !== null && typeof v === 'number')).toEqual([]);
    expect(computeKpis([], std).closeRate).toBeNull();
  });
  it('leaves average times null without a calendar', () => {
    expect(computeKpis(Object.values(cases), { ...std, calendar: undefined }).avgHandlingHours).toBeNull();
  });
  it('keeps one handling sample per 处置 when a closed case is reopened and dispatched again the same day', () => {
    const dispatch = validAction('dispatch');
    const steps = ['report', 'escalate', 'accept', dispatch, 'start', 'feedback', 'verify_pass'] as const;
    const again: CaseAction[] = [validAction('reopen'), dispatch];
    const { state } = walk([...steps, ...again], { start: d('2025-09-24T09:00') });
    expect(state).toMatchObject({ status: 'dispatched', handlingDispatchedAt: d('2025-09-24T09:03') });
    const week = { from: d('2025-09-22T00:00'), to: d('2025-09-29T00:00') };
    for (const basis of ['standard', 'reported'] as const) {
      const k = computeKpis([state], { basis, period: week, asOf: d('2025-09-24T12:00'), calendar });
      expect(k.counts.handled).toBe(1);
      expect(k.counts.handlingSamples).toBe(1);
      // Dispatched 09:03, fed back 09:05.
      expect(k.avgHandlingHours).toBeCloseTo(2 / 60);
    }
  });
});
