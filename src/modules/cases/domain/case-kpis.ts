import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { CLOCK_RUNNING, closedOnTime, handledOnTime } from './case-deadlines.js';
import type { CaseStatus } from './case-types.js';

/** What the KPIs need of one case (a projection of CaseState the store can select). */
export interface CaseSummary {
  status: CaseStatus;
  /** The latest dispatch; null for cases never dispatched (e.g. fixed on the spot). */
  dispatchedAt: Date | null;
  /** The deadline in force (moved by approved extensions and rework). */
  deadline: Date | null;
  closedAt: Date | null;
  firstFeedbackAt: Date | null;
  /** CaseState.firstFeedbackOnTime when known; otherwise firstFeedbackAt ≤ deadline is used. */
  firstFeedbackOnTime?: boolean | null;
  reworkCount: number;
  extensionCount: number;
}

/** The counts every rate is built from; a store may compute them in SQL and call kpisFromCounts. */
export interface KpiCounts {
  /** Cases considered, rejected and merged ones excluded. */
  cases: number;
  rejected: number;
  merged: number;
  /** 派遣数 */
  dispatched: number;
  /** 应结案数 */
  dueToClose: number;
  /** 结案数 */
  closed: number;
  /** 按期结案数 */
  closedOnTime: number;
  /** 应处置数 */
  dueToHandle: number;
  /** 处置数 */
  handled: number;
  /** 按期处置数 */
  handledOnTime: number;
  /** 返工案件数 */
  reworked: number;
  /** 延期案件数 */
  extended: number;
  /** 超期未处置数: dispatched or handling, past the deadline at asOf. */
  overdueOpen: number;
  /** Σ working ms from dispatch to first feedback, over `handlingSamples` cases. */
  handlingMillis: number;
  handlingSamples: number;
  /** Σ working ms from dispatch to close, over `closingSamples` cases. */
  closingMillis: number;
  closingSamples: number;
}

/**
 * The indicators of GB/T 30428.4 for the problem ledger. A rate is null when its denominator is 0.
 *
 * | indicator | formula | counted as (at the instant asOf, usually the end of the period) |
 * | --- | --- | --- |
 * | 结案率 closeRate | 结案数 ÷ 应结案数 | 结案数: closed by asOf. 应结案数: closed by asOf, or with a deadline at or before asOf |
 * | 按期结案率 onTimeCloseRate | 按期结案数 ÷ 应结案数 | 按期结案数: closed at or before the deadline in force (a fix on the spot has none and counts) |
 * | 处置率 handleRate | 处置数 ÷ 应处置数 | 处置数: dispatched cases with a feedback by asOf. 应处置数: dispatched cases with a feedback by asOf or a deadline at or before asOf |
 * | 按期处置率 onTimeHandleRate | 按期处置数 ÷ 应处置数 | 按期处置数: the first feedback came by the deadline then in force |
 * | 返工率 reworkRate | 返工案件数 ÷ 处置数 | 返工案件数: handled cases that failed verification at least once. Over 处置数 rather than 结案数, so a case reworked and not yet closed cannot push the rate past 100 % |
 * | 延期率 extensionRate | 延期案件数 ÷ 派遣数 | 延期案件数: dispatched cases with at least one approved extension |
 * | 平均处置时长 avgHandlingHours | Σ(派遣→首次反馈) ÷ 处置数 | in working hours of the calendar |
 * | 平均结案时长 avgClosingHours | Σ(派遣→结案) ÷ 已派遣的结案数 | in working hours of the calendar |
 *
 * Rejected (不予立案) and merged (重复) cases are never in any denominator.
 */
export interface CaseKpis {
  counts: KpiCounts;
  closeRate: number | null;
  onTimeCloseRate: number | null;
  handleRate: number | null;
  onTimeHandleRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  avgHandlingHours: number | null;
  avgClosingHours: number | null;
}

export interface KpiOptions {
  /** The instant the indicators are taken at (end of the period, or now). */
  asOf: Date;
  /** For the average times; without it they are null. */
  calendar?: WorkCalendar;
}

export function emptyKpiCounts(): KpiCounts {
  return {
    cases: 0,
    rejected: 0,
    merged: 0,
    dispatched: 0,
    dueToClose: 0,
    closed: 0,
    closedOnTime: 0,
    dueToHandle: 0,
    handled: 0,
    handledOnTime: 0,
    reworked: 0,
    extended: 0,
    overdueOpen: 0,
    handlingMillis: 0,
    handlingSamples: 0,
    closingMillis: 0,
    closingSamples: 0,
  };
}

/** Adds one case to the counts (mutates and returns `c`, so a stream of rows needs no array). */
export function addToKpiCounts(c: KpiCounts, s: CaseSummary, { asOf, calendar }: KpiOptions): KpiCounts {
  if (s.status === 'rejected') {
    c.rejected++;
    return c;
  }
  if (s.status === 'merged') {
    c.merged++;
    return c;
  }
  const t = asOf.getTime();
  c.cases++;
  const closed = s.status === 'closed' && s.closedAt !== null && s.closedAt.getTime() <= t;
  const due = s.deadline !== null && s.deadline.getTime() <= t;
  if (closed || due) c.dueToClose++;
  if (closed) c.closed++;
  if (closed && closedOnTime(s)) c.closedOnTime++;
  if (s.dispatchedAt === null) return c;
  c.dispatched++;
  if (s.extensionCount > 0) c.extended++;
  const handled = s.firstFeedbackAt !== null && s.firstFeedbackAt.getTime() <= t;
  if (handled || due) c.dueToHandle++;
  if (CLOCK_RUNNING.has(s.status) && s.deadline !== null && s.deadline.getTime() < t) c.overdueOpen++;
  if (handled) {
    c.handled++;
    if (handledOnTime(s)) c.handledOnTime++;
    if (s.reworkCount > 0) c.reworked++;
    if (calendar && s.firstFeedbackAt!.getTime() >= s.dispatchedAt.getTime()) {
      c.handlingMillis += calendar.workingMillisBetween(s.dispatchedAt, s.firstFeedbackAt!);
      c.handlingSamples++;
    }
  }
  if (closed && calendar && s.closedAt!.getTime() >= s.dispatchedAt.getTime()) {
    c.closingMillis += calendar.workingMillisBetween(s.dispatchedAt, s.closedAt!);
    c.closingSamples++;
  }
  return c;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const hours = (ms: number, n: number): number | null => (n === 0 ? null : ms / n / 3_600_000);

export function kpisFromCounts(c: KpiCounts): CaseKpis {
  return {
    counts: c,
    closeRate: ratio(c.closed, c.dueToClose),
    onTimeCloseRate: ratio(c.closedOnTime, c.dueToClose),
    handleRate: ratio(c.handled, c.dueToHandle),
    onTimeHandleRate: ratio(c.handledOnTime, c.dueToHandle),
    reworkRate: ratio(c.reworked, c.handled),
    extensionRate: ratio(c.extended, c.dispatched),
    avgHandlingHours: hours(c.handlingMillis, c.handlingSamples),
    avgClosingHours: hours(c.closingMillis, c.closingSamples),
  };
}

/** The KPIs over the cases of a period (the caller picks the cases, e.g. reported in the period). */
export function computeKpis(cases: Iterable<CaseSummary>, options: KpiOptions): CaseKpis {
  const c = emptyKpiCounts();
  for (const s of cases) addToKpiCounts(c, s, options);
  return kpisFromCounts(c);
}
