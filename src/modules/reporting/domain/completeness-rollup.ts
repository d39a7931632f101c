import { DEFAULT_TIME_ZONE } from '../../../kernel/calendar/local-time.js';
import {
  addCounts,
  emptyCounts,
  withRates,
  type CompletenessCounts,
  type CompletenessSummary,
} from './completeness.js';
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
 * Completeness and timeliness from the roll-up tables instead of every report: the same figures as
 * computeCompleteness (same rules, see completeness.ts) for a subtree, per child unit and per period.
 *
 *   expected(area, p) = #{ reporting units u under area : u.activeFrom ≤ deadline(p) < u.retiredAt }
 *   submitted(area, p) = rollup(area, p).submitted + own(area, p) − unexpected(area, p)
 *   onTime, zero likewise
 *
 * rollup(area, p) holds the reports of the units strictly below the area, own(area, p) the area's
 * own report when it reports itself. unexpected(area, p) are reports of units that were not expected
 * for p: a report is only accepted from a unit expected for its period, so this can only be a unit
 * retired before the deadline of a period it had already reported; those units are few, and their
 * reports are read one by one (`lateRetired`).
 */

export interface LifetimeUnit {
  id: string;
  path: string;
  /** ISO instants. */
  createdAt: string;
  retiredAt: string | null;
}

export interface PeriodFlags {
  period: string;
  onTime: boolean;
  zero: boolean;
}

export interface RollupCompletenessInput {
  periodType: PeriodType;
  deadline: DeadlineRule;
  from: string;
  to: string;
  timeZone?: string;
  now?: Date;
  /** The subtree's path; its rows are its children (and itself when it reports). */
  scopePath: string;
  units: readonly LifetimeUnit[];
  /** Roll-up rows of the scope and of each child area (area_path = child's path). */
  areaCounts: readonly { areaPath: string; period: string; submitted: number; onTime: number; zero: number }[];
  /** Own reports of the scope and of children that report themselves, by unit id. */
  ownReports: ReadonlyMap<string, readonly PeriodFlags[]>;
  /** Reports of units from `retiredInRange(...)`, by unit id. */
  lateRetired: ReadonlyMap<string, readonly PeriodFlags[]>;
}

export interface RollupCompleteness {
  periods: string[];
  deadlines: Date[];
  /** Periods [0, due) are due; the rest not yet. */
  due: number;
  totals: CompletenessSummary;
  /** Per unit of `units`, the periods [lo, hi) it is expected for (the missing list walks them). */
  ranges: [number, number][];
  /** One row per child (or the scope itself, key = its id). */
  rows: (CompletenessSummary & { key: string; path: string })[];
  byPeriod: (CompletenessSummary & { period: string })[];
}

/** The periods of the range that have begun, with their deadlines and timely limits. */
export function rangeOf(
  i: Pick<RollupCompletenessInput, 'periodType' | 'deadline' | 'from' | 'to' | 'timeZone' | 'now'>,
) {
  const tz = i.timeZone ?? DEFAULT_TIME_ZONE;
  const periods = periodRange(i.from, i.to, i.periodType).filter((p) => i.now === undefined || !isFuture(p, i.now, tz));
  const limits = periods.map((p) => timelyLimitOf(p, i.deadline, tz));
  const now = i.now?.getTime() ?? Infinity;
  return {
    periods,
    deadlines: periods.map((p) => deadlineOf(p, i.deadline, tz)),
    limits,
    starts: periods.map((p) => periodStart(p, tz)),
    ends: periods.map((p) => periodEnd(p, tz)),
    /** Periods [0, due) are due (past deadline + grace); the later ones are not yet (limits ascend with periods). */
    due: limits.filter((l) => now > l.getTime()).length,
    start: periods.length ? periodStart(periods[0], tz) : null,
    end: periods.length ? periodEnd(periods[periods.length - 1], tz) : null,
  };
}

/** Stored instants are toISOString() text; anything else is brought to that form before comparing. */
const iso = (t: string) => (t.length === 24 && t.endsWith('Z') ? t : new Date(t).toISOString());

/** Index of the first instant > t (or ≥ t with `orAt`); both ISO-8601 UTC text of one format, which sorts as time (no parsing: 100,000 units × 2). */
function firstAfter(instants: readonly string[], t: string, orAt = false): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instants[mid] < t || (!orAt && instants[mid] === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The periods [lo, hi) a unit owes: those its life overlaps — created before the period's end,
 * retired after its start (starts and ends ascending, ISO text).
 */
export function expectedRange(
  bounds: { starts: readonly string[]; ends: readonly string[] },
  u: Pick<LifetimeUnit, 'createdAt' | 'retiredAt'>,
): [number, number] {
  const lo = owedFrom(bounds, u.createdAt);
  const hi = u.retiredAt === null ? bounds.starts.length : owedUntil(bounds, u.retiredAt);
  return [lo, Math.max(lo, hi)];
}

/** The first period a unit opened at `createdAt` owes: the first ending after it. */
export function owedFrom(bounds: { ends: readonly string[] }, createdAt: string): number {
  return firstAfter(bounds.ends, iso(createdAt));
}

/** The first period a unit retired at `retiredAt` no longer owes: the first starting at or after it. */
export function owedUntil(bounds: { starts: readonly string[] }, retiredAt: string): number {
  return firstAfter(bounds.starts, iso(retiredAt), true);
}

/** Units that may hold reports of periods they do not owe: retired after the range began and before it ended. */
export function retiredInRange(units: readonly LifetimeUnit[], start: Date | null, end: Date | null): LifetimeUnit[] {
  if (!start || !end) return [];
  const a = start.toISOString();
  const b = end.toISOString();
  return units.filter((u) => u.retiredAt !== null && iso(u.retiredAt) > a && iso(u.retiredAt) < b);
}

/** The child key of a unit under the scope: the child's id, or the scope's own id for the scope itself. */
export function childKeyOf(scopePath: string, unitPath: string): string {
  if (unitPath === scopePath) return scopePath.slice(scopePath.lastIndexOf('/', scopePath.length - 2) + 1, -1);
  return unitPath.slice(scopePath.length, unitPath.indexOf('/', scopePath.length));
}

export function completenessFromRollup(input: RollupCompletenessInput): RollupCompleteness {
  const { periods, deadlines, starts, ends, due } = rangeOf(input);
  const P = periods.length;
  const bounds = { starts: starts.map((d) => d.toISOString()), ends: ends.map((d) => d.toISOString()) };
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const scopeKey = childKeyOf(input.scopePath, input.scopePath);
  const keyPath = (key: string) => (key === scopeKey ? input.scopePath : `${input.scopePath}${key}/`);

  // Per key and period: expected via a difference array over each unit's expected range.
  const cells = new Map<string, CompletenessCounts[]>();
  const cellsOf = (key: string) => {
    let c = cells.get(key);
    if (!c) cells.set(key, (c = periods.map(() => emptyCounts())));
    return c;
  };
  const diff = new Map<string, Int32Array>();
  const ranges = input.units.map((u) => expectedRange(bounds, u));
  for (let ui = 0; ui < input.units.length; ui++) {
    const u = input.units[ui];
    if (!u.path.startsWith(input.scopePath)) continue;
    const key = childKeyOf(input.scopePath, u.path);
    const [lo, hi] = ranges[ui];
    if (lo >= hi) {
      cellsOf(key);
      continue;
    }
    let d = diff.get(key);
    if (!d) diff.set(key, (d = new Int32Array(P + 1)));
    d[lo]++;
    d[hi]--;
  }
  for (const [key, d] of diff) {
    const c = cellsOf(key);
    let run = 0;
    for (let i = 0; i < P; i++) {
      run += d[i];
      c[i].expected = run;
    }
  }

  const periodTotals = periods.map(() => emptyCounts());
  const add = (key: string | null, pi: number, submitted: number, onTime: number, zero: number) => {
    const t = key === null ? periodTotals[pi] : cellsOf(key)[pi];
    t.submitted += submitted;
    t.onTime += onTime;
    t.zero += zero;
  };
  for (const r of input.areaCounts) {
    const pi = pIndex.get(r.period);
    if (pi === undefined) continue;
    if (r.areaPath === input.scopePath) add(null, pi, r.submitted, r.onTime, r.zero);
    else add(childKeyOf(input.scopePath, r.areaPath), pi, r.submitted, r.onTime, r.zero);
  }
  // A child's own reports are already in the scope's roll-up (it lies below the scope); the scope's own are not.
  for (const [unitId, reports] of input.ownReports) {
    for (const s of reports) {
      const pi = pIndex.get(s.period);
      if (pi === undefined) continue;
      add(unitId, pi, 1, s.onTime ? 1 : 0, s.zero ? 1 : 0);
      if (unitId === scopeKey) add(null, pi, 1, s.onTime ? 1 : 0, s.zero ? 1 : 0);
    }
  }
  const byId = new Map(input.units.map((u) => [u.id, u]));
  for (const [unitId, reports] of input.lateRetired) {
    const u = byId.get(unitId);
    if (!u) continue;
    const [lo, hi] = expectedRange(bounds, u);
    const key = childKeyOf(input.scopePath, u.path);
    for (const s of reports) {
      const pi = pIndex.get(s.period);
      if (pi === undefined || (pi >= lo && pi < hi)) continue;
      add(key, pi, -1, s.onTime ? -1 : 0, s.zero ? -1 : 0);
      add(null, pi, -1, s.onTime ? -1 : 0, s.zero ? -1 : 0);
    }
  }
  // Expected per period over the whole scope.
  for (const c of cells.values()) for (let i = 0; i < P; i++) periodTotals[i].expected += c[i].expected;

  // `expected` holds what is owed so far; a period not yet due expects only what has come in.
  const finish = (c: CompletenessCounts, pi: number) => {
    if (pi >= due) {
      c.notDue = c.expected - c.submitted;
      c.expected = c.submitted;
    }
    c.late = c.submitted - c.onTime;
    c.missing = c.expected - c.submitted;
    return c;
  };
  const totals = emptyCounts();
  const byPeriod = periods.map((period, i) => {
    const c = finish(periodTotals[i], i);
    addCounts(totals, c);
    return { period, ...withRates(c) };
  });
  const rows = [...cells]
    .map(([key, c]) => {
      const sum = emptyCounts();
      for (let i = 0; i < P; i++) addCounts(sum, finish(c[i], i));
      return { key, path: keyPath(key), ...withRates(sum) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return { periods, deadlines, due, ranges, totals: withRates(totals), rows, byPeriod };
}
