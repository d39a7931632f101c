import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { KpiBasis } from '../../../contracts/cases.js';
import { CLOCK_RUNNING, closedOnTime, handledOnTime } from './case-deadlines.js';
import type { CaseStatus } from './case-types.js';

export type { KpiBasis };

/** What the KPIs need of one case (a projection of CaseState). */
export interface CaseSummary {
  status: CaseStatus;
  reportedAt: Date;
  /** 立案: the latest accept (a dispatch from the district's triage accepts too; a reopen accepts again). */
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  mergedAt: Date | null;
  /** The latest dispatch; null for cases never dispatched (e.g. fixed on the spot). */
  dispatchedAt: Date | null;
  /** The deadline in force (moved by approved extensions and rework; cleared by a return or a reopen). */
  deadline: Date | null;
  closedAt: Date | null;
  firstFeedbackAt: Date | null;
  /** CaseState.firstFeedbackOnTime when known; otherwise firstFeedbackAt ≤ deadline is used. */
  firstFeedbackOnTime?: boolean | null;
  /** The dispatch and deadline the first feedback answered (CaseState; absent in states cached before they were kept). */
  handlingDispatchedAt?: Date | null;
  handlingDeadline?: Date | null;
  reworkCount: number;
  extensionCount: number;
}

/** The counts every rate is built from. What each counts depends on the basis (docs/kpis.md). */
export interface KpiCounts {
  /** 受理数: reported (rejected and merged ones included). */
  reported: number;
  /** 立案数: accepted, never a report still in the problem list; rejected and merged ones excluded. */
  accepted: number;
  /** 不予立案 */
  rejected: number;
  /** 合并 (duplicates) */
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
  /** 返工数: reworked at least once — among 应结案 (standard) or among 处置 (reported). */
  reworked: number;
  /** 延期数: extended at least once — among 应结案 (standard) or among 派遣 (reported). */
  extended: number;
  /** 超期未处置数: dispatched or handling, past the deadline at asOf. */
  overdueOpen: number;
  /** Σ working ms from the dispatch to the first feedback: one sample per 处置 counted. */
  handlingMillis: number;
  handlingSamples: number;
  /** Σ working ms from the latest dispatch to the close, over the dispatched cases counted as closed. */
  closingMillis: number;
  closingSamples: number;
}

/**
 * The indicators of GB/T 30428.4 for the problem ledger (formulas, sources and variants in
 * docs/kpis.md). A rate is null when its denominator is 0.
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

/** The period [from, to): instants (the start of the first local day, the start of the day after the last). */
export interface KpiPeriod {
  from: Date;
  to: Date;
}

export interface KpiOptions {
  basis: KpiBasis;
  period: KpiPeriod;
  /** The instant the indicators are taken at (now); no recorded event of a case lies after it. */
  asOf: Date;
  /** For the average times; without it they are null. */
  calendar?: WorkCalendar;
}

export function emptyKpiCounts(): KpiCounts {
  return {
    reported: 0,
    accepted: 0,
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

/** A part of one case's counts that is settled (time alone no longer changes it), dated by its event. */
export interface KpiEntry {
  basis: KpiBasis;
  /** The instant the counts belong to: the period containing it counts them. */
  at: Date;
  counts: Partial<KpiCounts>;
}

const t = (d: Date) => d.getTime();
const gone = (s: Pick<CaseSummary, 'status'>) => s.status === 'rejected' || s.status === 'merged';
const closedCase = (s: Pick<CaseSummary, 'status' | 'closedAt'>) => s.status === 'closed' && s.closedAt !== null;

/**
 * When a case's closing fell due (standard basis): its deadline, or its close if that came first
 * (a case closed ahead of time is counted in the period it closed, never again later). null: not
 * due at all (not dispatched, or unassigned again by a return or a reopen, and not closed).
 */
export function closeDueAt(s: CaseSummary): Date | null {
  if (closedCase(s)) return s.deadline !== null && t(s.deadline) < t(s.closedAt!) ? s.deadline : s.closedAt;
  return s.deadline;
}

/**
 * When a dispatched case's handling (处置) fell due: its first feedback when that came in time, else
 * the deadline then in force; not yet fed back, the deadline in force.
 */
export function handleDueAt(s: CaseSummary): Date | null {
  if (s.dispatchedAt === null) return null;
  if (s.firstFeedbackAt === null) return s.deadline;
  return handledOnTime(s) ? s.firstFeedbackAt : (s.handlingDeadline ?? s.firstFeedbackAt);
}

/** The dispatch the first feedback answered; for states cached before it was kept, the latest dispatch if it came before. */
function handlingDispatch(s: CaseSummary): Date | null {
  if (s.handlingDispatchedAt) return s.handlingDispatchedAt;
  return s.dispatchedAt && s.firstFeedbackAt && t(s.dispatchedAt) <= t(s.firstFeedbackAt) ? s.dispatchedAt : null;
}

function handlingCounts(s: CaseSummary, calendar: WorkCalendar): Partial<KpiCounts> {
  const c: Partial<KpiCounts> = { handled: 1, handledOnTime: handledOnTime(s) ? 1 : 0 };
  const from = handlingDispatch(s);
  if (from) {
    c.handlingMillis = calendar.workingMillisBetween(from, s.firstFeedbackAt!);
    c.handlingSamples = 1;
  }
  return c;
}

function closingTime(s: CaseSummary, calendar: WorkCalendar): Partial<KpiCounts> {
  if (s.dispatchedAt === null || t(s.closedAt!) < t(s.dispatchedAt)) return {};
  return { closingMillis: calendar.workingMillisBetween(s.dispatchedAt, s.closedAt!), closingSamples: 1 };
}

/**
 * The settled parts of one case's counts under both bases, each dated. Summed over a period (and
 * added to the parts that hang on time, dueCounts) they give the indicators; the KPI roll-up keeps
 * exactly these sums per day.
 */
export function kpiEntries(s: CaseSummary, calendar: WorkCalendar): KpiEntry[] {
  const out: KpiEntry[] = [];
  const std = (at: Date | null, counts: Partial<KpiCounts>) => {
    if (at) out.push({ basis: 'standard', at, counts });
  };
  // Standard: each count on the day of its event.
  std(s.reportedAt, { reported: 1 });
  if (s.status === 'rejected') std(s.rejectedAt ?? s.reportedAt, { rejected: 1 });
  if (s.status === 'merged') std(s.mergedAt ?? s.reportedAt, { merged: 1 });
  if (!gone(s)) {
    std(s.acceptedAt, { accepted: 1 });
    std(s.dispatchedAt, { dispatched: 1 });
    if (closedCase(s)) {
      std(closeDueAt(s), {
        dueToClose: 1,
        closed: 1,
        closedOnTime: closedOnTime(s) ? 1 : 0,
        reworked: s.reworkCount > 0 ? 1 : 0,
        extended: s.extensionCount > 0 ? 1 : 0,
        ...closingTime(s, calendar),
      });
    }
    if (s.dispatchedAt !== null && s.firstFeedbackAt !== null)
      std(handleDueAt(s), { dueToHandle: 1, ...handlingCounts(s, calendar) });
  }
  // Reported: everything on the report's day.
  const r: Partial<KpiCounts> = { reported: 1 };
  if (s.status === 'rejected') r.rejected = 1;
  else if (s.status === 'merged') r.merged = 1;
  else {
    if (s.acceptedAt !== null) r.accepted = 1;
    if (closedCase(s)) {
      Object.assign(r, { dueToClose: 1, closed: 1, closedOnTime: closedOnTime(s) ? 1 : 0 });
      Object.assign(r, closingTime(s, calendar));
    }
    if (s.dispatchedAt !== null) {
      r.dispatched = 1;
      if (s.extensionCount > 0) r.extended = 1;
      if (s.firstFeedbackAt !== null) {
        Object.assign(r, { dueToHandle: 1, ...handlingCounts(s, calendar) });
        if (s.reworkCount > 0) r.reworked = 1;
      }
    }
  }
  out.push({ basis: 'reported', at: s.reportedAt, counts: r });
  return out;
}

const within = (d: Date, p: KpiPeriod) => t(d) >= t(p.from) && t(d) < t(p.to);

/**
 * The parts of one case's counts that hang on time: a deadline passing makes an open case due (to
 * close, to handle) and overdue. Only cases not closed, rejected or merged, whose deadline has
 * passed at asOf, have any — the store finds them by index.
 */
/**
 * The fields dueCounts reads: of an open case, all kept as columns (cases_open_due_fields), so the store
 * hands them over without reading the state. Of an open case past its deadline and inside the period
 * (what the store selects), dueCounts depends only on its status, whether its deadline is before asOf,
 * whether it was ever reworked or extended, and whether it was dispatched and answered: the store
 * groups the cases by exactly those (kpiRollupStore.openPastDeadline) and counts one of each group as
 * many times as the group holds. A change here that reads more of a case must group by it there too
 * (the fold tests in case.routes.test.ts compare both with computeKpis).
 */
export type DueSummary = Pick<
  CaseSummary,
  | 'status'
  | 'closedAt'
  | 'deadline'
  | 'reportedAt'
  | 'dispatchedAt'
  | 'firstFeedbackAt'
  | 'reworkCount'
  | 'extensionCount'
>;

export function dueCounts(s: DueSummary, { basis, period, asOf }: Omit<KpiOptions, 'calendar'>): Partial<KpiCounts> {
  if (gone(s) || closedCase(s) || s.deadline === null || t(s.deadline) > t(asOf)) return {};
  if (basis === 'standard' ? !within(s.deadline, period) : !within(s.reportedAt, period)) return {};
  const c: Partial<KpiCounts> = { dueToClose: 1 };
  if (basis === 'standard') {
    c.reworked = s.reworkCount > 0 ? 1 : 0;
    c.extended = s.extensionCount > 0 ? 1 : 0;
  }
  if (s.dispatchedAt !== null && s.firstFeedbackAt === null) c.dueToHandle = 1;
  if (CLOCK_RUNNING.has(s.status) && t(s.deadline) < t(asOf)) c.overdueOpen = 1;
  return c;
}

/** Adds `part` to the counts (`times` over: a group of cases that count alike). */
export function addCounts(c: KpiCounts, part: Partial<KpiCounts>, times = 1): KpiCounts {
  for (const [k, v] of Object.entries(part) as [keyof KpiCounts, number][]) c[k] += v * times;
  return c;
}

/** Adds one case to the counts (mutates and returns `c`, so a stream of rows needs no array). */
export function addToKpiCounts(c: KpiCounts, s: CaseSummary, options: KpiOptions): KpiCounts {
  const { basis, period, calendar } = options;
  for (const e of kpiEntries(s, calendar ?? NO_CALENDAR)) {
    if (e.basis === basis && within(e.at, period)) addCounts(c, e.counts);
  }
  addCounts(c, dueCounts(s, options));
  if (!calendar) c.handlingMillis = c.handlingSamples = c.closingMillis = c.closingSamples = 0;
  return c;
}

/** Stands in when no calendar is given: the times are then dropped. */
const NO_CALENDAR = { workingMillisBetween: () => 0 } as unknown as WorkCalendar;

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const hours = (ms: number, n: number): number | null => (n === 0 ? null : ms / n / 3_600_000);

/** The rates from the counts; the basis decides the denominators of 返工率 and 延期率. */
export function kpisFromCounts(c: KpiCounts, basis: KpiBasis = 'standard'): CaseKpis {
  return {
    counts: c,
    closeRate: ratio(c.closed, c.dueToClose),
    onTimeCloseRate: ratio(c.closedOnTime, c.dueToClose),
    handleRate: ratio(c.handled, c.dueToHandle),
    onTimeHandleRate: ratio(c.handledOnTime, c.dueToHandle),
    reworkRate: ratio(c.reworked, basis === 'standard' ? c.dueToClose : c.handled),
    extensionRate: ratio(c.extended, basis === 'standard' ? c.dueToClose : c.dispatched),
    avgHandlingHours: hours(c.handlingMillis, c.handlingSamples),
    avgClosingHours: hours(c.closingMillis, c.closingSamples),
  };
}

/** The KPIs over a set of cases (every case of the unit: the basis picks those the period counts). */
export function computeKpis(cases: Iterable<CaseSummary>, options: KpiOptions): CaseKpis {
  const c = emptyKpiCounts();
  for (const s of cases) addToKpiCounts(c, s, options);
  return kpisFromCounts(c, options.basis);
}
