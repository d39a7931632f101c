import { DEFAULT_TIME_ZONE } from '../../../kernel/calendar/local-time.js';
import {
  deadlineOf,
  isFuture,
  periodEnd,
  periodRange,
  periodStart,
  timelyLimitOf,
  type DeadlineRule,
  type PeriodType,
} from './periods.js';

/**
 * Completeness and timeliness as DHIS2 computes reporting rates (sources in docs/reporting.md):
 *   reportingRate = submitted / expected      timeliness = onTime / expected
 *
 * The rules, in the order they are applied:
 * - A unit owes a period when it existed at any time during it (DHIS2 counts partly covered
 *   periods): activeFrom < end of the period and (retiredAt is null or retiredAt > its start). A unit
 *   opened or closed mid-period owes that period once; so it is counted once per period or not at
 *   all, and rates cannot exceed 100% when units open or close mid-range.
 * - With `now`, periods that have not begun are left out of the range (a current period is kept,
 *   as in DHIS2).
 * - A report owed but not received is 缺报 (`missing`) only once it is due: after the timely limit
 *   (deadline + graceDays). Before that it is 未到期 (`notDue`), counted apart and not in `expected`;
 *   a report already received for a period not yet due counts in `expected` and `submitted`. So the
 *   morning's rates are not dragged down by reports that nobody is late with yet. Without `now`
 *   every period is due.
 * - Submissions are grouped by unit and period: several count once. Whether the report was on time is
 *   decided by the first submission (submittedAt ≤ deadline + graceDays); whether it is a zero report
 *   by the latest, since a correction replaces the content but not the moment the unit reported.
 * - A zero report is a submitted report.
 * - Submissions by units that do not owe that period (unknown, not yet open, retired) do not count;
 *   they are listed under `unexpected`. Submissions for periods outside the range are ignored.
 * - Rates are null when nothing is expected (DHIS2 shows an empty cell rather than 0% or 100%).
 */

export interface ReportingUnit {
  unitId: string;
  /** When the unit started to exist; null = always. */
  activeFrom: Date | null;
  /** When the unit was closed or merged away; null = still active. */
  retiredAt: Date | null;
}

export interface SubmissionEvent {
  unitId: string;
  period: string;
  submittedAt: Date;
  zero: boolean;
}

export interface CompletenessInput {
  periodType: PeriodType;
  deadline: DeadlineRule;
  /** First and last period ids, both included. */
  from: string;
  to: string;
  /** The units that must report (a subtree, a level, a hand-picked list); a repeated unitId counts once. */
  units: readonly ReportingUnit[];
  submissions: readonly SubmissionEvent[];
  timeZone?: string;
  now?: Date;
}

export interface CompletenessCounts {
  expected: number;
  submitted: number;
  onTime: number;
  /** Submitted after the timely limit: submitted − onTime. */
  late: number;
  /** Submitted reports whose latest version is a zero report. */
  zero: number;
  /** expected − submitted: owed, due (past deadline + grace) and not received (缺报). */
  missing: number;
  /** Owed, not received, and not yet due (未到期); not part of `expected`. */
  notDue: number;
}

export interface CompletenessRates {
  reportingRate: number | null;
  timeliness: number | null;
}

export type CompletenessSummary = CompletenessCounts & CompletenessRates;

export interface MissingReport {
  unitId: string;
  period: string;
  deadline: Date;
  /** Past the timely limit (deadline + grace) at `now`: 缺报; false = 未到期 (always true without `now`). */
  overdue: boolean;
}

export interface CompletenessReport {
  periods: string[];
  totals: CompletenessSummary;
  units: (CompletenessSummary & { unitId: string })[];
  byPeriod: (CompletenessSummary & { period: string })[];
  /** 缺报: owed, due and not received. */
  missing: MissingReport[];
  /** 未到期: owed, not received, not yet due. */
  notDue: MissingReport[];
  unexpected: { unitId: string; period: string }[];
}

export function emptyCounts(): CompletenessCounts {
  return { expected: 0, submitted: 0, onTime: 0, late: 0, zero: 0, missing: 0, notDue: 0 };
}

export function addCounts(into: CompletenessCounts, c: CompletenessCounts): CompletenessCounts {
  into.expected += c.expected;
  into.submitted += c.submitted;
  into.onTime += c.onTime;
  into.late += c.late;
  into.zero += c.zero;
  into.missing += c.missing;
  into.notDue += c.notDue;
  return into;
}

export function withRates(c: CompletenessCounts): CompletenessSummary {
  return {
    ...c,
    reportingRate: c.expected === 0 ? null : c.submitted / c.expected,
    timeliness: c.expected === 0 ? null : c.onTime / c.expected,
  };
}

/** Sums per-unit rows into groups (e.g. by sub-district) and recomputes the rates from the sums. */
export function rollupCompleteness<R extends CompletenessCounts>(
  rows: readonly R[],
  keyOf: (row: R) => string,
): Map<string, CompletenessSummary> {
  const sums = new Map<string, CompletenessCounts>();
  for (const row of rows) {
    const key = keyOf(row);
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = emptyCounts()));
    addCounts(sum, row);
  }
  return new Map([...sums].map(([k, c]) => [k, withRates(c)]));
}

/** Up to this many unit × period cells the received reports live in typed arrays (~17 bytes a cell). */
const DENSE_CELLS = 4_000_000;

/** First and latest submission time and latest zero flag per unit × period cell. */
interface ReceivedTable {
  has(cell: number): boolean;
  first(cell: number): number;
  zero(cell: number): boolean;
  record(cell: number, at: number, zero: boolean): void;
}

function receivedTable(cells: number, denseCells: number): ReceivedTable {
  if (cells <= denseCells) {
    const first = new Float64Array(cells).fill(NaN);
    const latest = new Float64Array(cells);
    const zero = new Uint8Array(cells);
    return {
      has: (c) => !Number.isNaN(first[c]),
      first: (c) => first[c],
      zero: (c) => zero[c] === 1,
      record(c, at, z) {
        if (Number.isNaN(first[c])) {
          first[c] = at;
          latest[c] = at;
          zero[c] = z ? 1 : 0;
          return;
        }
        if (at < first[c]) first[c] = at;
        if (at >= latest[c]) {
          latest[c] = at;
          zero[c] = z ? 1 : 0;
        }
      },
    };
  }
  const map = new Map<number, { first: number; latest: number; zero: boolean }>();
  return {
    has: (c) => map.has(c),
    first: (c) => map.get(c)!.first,
    zero: (c) => map.get(c)!.zero,
    record(c, at, z) {
      const r = map.get(c);
      if (!r) {
        map.set(c, { first: at, latest: at, zero: z });
        return;
      }
      if (at < r.first) r.first = at;
      if (at >= r.latest) {
        r.latest = at;
        r.zero = z;
      }
    },
  };
}

/** `denseCells` moves the typed-array / map switch; tests use it to run both paths on the same input. */
export function computeCompleteness(
  input: CompletenessInput,
  tuning: { denseCells?: number } = {},
): CompletenessReport {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const periods = periodRange(input.from, input.to, input.periodType).filter(
    (p) => input.now === undefined || !isFuture(p, input.now, timeZone),
  );
  const deadlines = periods.map((p) => deadlineOf(p, input.deadline, timeZone).getTime());
  const limits = periods.map((p) => timelyLimitOf(p, input.deadline, timeZone).getTime());
  const starts = periods.map((p) => periodStart(p, timeZone).getTime());
  const ends = periods.map((p) => periodEnd(p, timeZone).getTime());
  const periodIndex = new Map(periods.map((p, i) => [p, i]));

  const units: ReportingUnit[] = [];
  const unitIndex = new Map<string, number>();
  for (const u of input.units) {
    if (unitIndex.has(u.unitId)) continue;
    unitIndex.set(u.unitId, units.length);
    units.push(u);
  }
  const from = units.map((u) => (u.activeFrom === null ? -Infinity : u.activeFrom.getTime()));
  const until = units.map((u) => (u.retiredAt === null ? Infinity : u.retiredAt.getTime()));
  // Owed: the unit's life [from, until) overlaps the period [start, end).
  const isExpected = (ui: number, pi: number) => from[ui] < ends[pi] && starts[pi] < until[ui];

  const P = periods.length;
  const received = receivedTable(units.length * P, tuning.denseCells ?? DENSE_CELLS);
  const unexpected = new Map<string, { unitId: string; period: string }>();
  for (const s of input.submissions) {
    const pi = periodIndex.get(s.period);
    if (pi === undefined) continue;
    const ui = unitIndex.get(s.unitId);
    if (ui === undefined || !isExpected(ui, pi)) {
      unexpected.set(`${s.unitId}\u0000${s.period}`, { unitId: s.unitId, period: s.period });
      continue;
    }
    received.record(ui * P + pi, s.submittedAt.getTime(), s.zero);
  }

  const now = input.now?.getTime() ?? Infinity;
  const totals = emptyCounts();
  const perPeriod = periods.map(() => emptyCounts());
  const unitRows: CompletenessReport['units'] = [];
  const missing: MissingReport[] = [];
  const notDue: MissingReport[] = [];
  for (let ui = 0; ui < units.length; ui++) {
    const c = emptyCounts();
    for (let pi = 0; pi < P; pi++) {
      if (!isExpected(ui, pi)) continue;
      const pc = perPeriod[pi];
      const cell = ui * P + pi;
      if (!received.has(cell)) {
        const due = now > limits[pi];
        const entry = {
          unitId: units[ui].unitId,
          period: periods[pi],
          deadline: new Date(deadlines[pi]),
          overdue: due,
        };
        if (due) {
          c.expected++;
          pc.expected++;
          c.missing++;
          pc.missing++;
          missing.push(entry);
        } else {
          c.notDue++;
          pc.notDue++;
          notDue.push(entry);
        }
        continue;
      }
      c.expected++;
      pc.expected++;
      c.submitted++;
      pc.submitted++;
      if (received.first(cell) <= limits[pi]) {
        c.onTime++;
        pc.onTime++;
      } else {
        c.late++;
        pc.late++;
      }
      if (received.zero(cell)) {
        c.zero++;
        pc.zero++;
      }
    }
    addCounts(totals, c);
    unitRows.push({ unitId: units[ui].unitId, ...withRates(c) });
  }

  return {
    periods,
    totals: withRates(totals),
    units: unitRows,
    byPeriod: periods.map((period, i) => ({ period, ...withRates(perPeriod[i]) })),
    missing,
    notDue,
    unexpected: [...unexpected.values()],
  };
}
