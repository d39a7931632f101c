import { emptyCounts, withRates, type CompletenessSummary } from './completeness.js';
import {
  expectedRange,
  owedFrom,
  owedUntil,
  rangeOf,
  type LifetimeUnit,
  type PeriodFlags,
} from './completeness-rollup.js';
import type { DeadlineRule, PeriodType } from './periods.js';

/**
 * The completeness totals of many areas at once (a dashboard's unit, a map of communities), by the
 * rules of completenessFromRollup (completeness.ts lists them), without every reporting unit's row:
 *
 *   expected(area, p) = opened(area, before p's end) − retired(area, at or before p's start)
 *                       + #{ u in `units` under or at the area : u owes p }
 *                       + the area itself when it reports and is not in `units`
 *   submitted(area, p) = rollup(area, p) + own(area, p) − unexpected(area, p); onTime, zero likewise
 *
 * A unit owes a period when it was opened before the period's end and not retired by its start
 * (expectedRange), so the units owing p are those opened before p's end less those retired at or
 * before p's start (a unit is opened before it is retired). `spans` are org's counts of the reporting
 * kind strictly below each area (spanCountsOver): what was opened and retired before the range summed,
 * and each kept instant inside it; kept instants order like the true ones against bounds on a quarter
 * hour. `units` are counted one by one instead (reporters named by id). An area that is
 * itself a reporting unit counts itself (`areaUnits`). Units retired inside the range may hold reports
 * of periods they no longer owed (`lateRetired`): those are taken back out.
 */
export interface AreaCompletenessInput {
  periodType: PeriodType;
  deadline: DeadlineRule;
  from: string;
  to: string;
  timeZone?: string;
  now?: Date;
  /** The areas' unit paths (one may repeat: the same answer twice). */
  areas: readonly string[];
  /** Reporting units strictly below each area opened and retired: before the range summed (`at` null), inside it per kept instant. */
  spans: readonly { areaPath: string; at: string | null; born: number; retired: number }[];
  /** Reporting units counted one by one, with their life spans (under or at the areas). */
  units: readonly LifetimeUnit[];
  /** The areas that are reporting units themselves (their own life span). */
  areaUnits: readonly LifetimeUnit[];
  /** Roll-up rows of the areas' paths (the reports of the units strictly below each). */
  areaCounts: readonly { areaPath: string; period: string; submitted: number; onTime: number; zero: number }[];
  /** Own reports of `areaUnits`, by unit id. */
  ownReports: ReadonlyMap<string, readonly PeriodFlags[]>;
  /** Units retired inside the range, with their reports of the range. */
  lateRetired: readonly { unit: LifetimeUnit; reports: readonly PeriodFlags[] }[];
  /** rangeOf of the rule above, when the caller has it already (365 periods' bounds are not free). */
  range?: ReturnType<typeof rangeOf>;
}

/**
 * A range (rangeOf) as instants — [from, to) — and every period's start and end (org's span counts
 * answer only bounds on their grain). Null when the range has no period.
 */
export function spanBounds(r: ReturnType<typeof rangeOf>) {
  if (!r.periods.length) return null;
  return { from: r.start!.toISOString(), to: r.end!.toISOString(), bounds: [...r.starts, ...r.ends] };
}

/** Calls `fn` with each area whose path is a whole-segment prefix of `path` (or `path` itself). */
function eachAreaOver(path: string, index: ReadonlyMap<string, number[]>, fn: (a: number) => void) {
  for (let j = path.indexOf('/', 1); j !== -1; j = path.indexOf('/', j + 1)) {
    const hit = index.get(path.slice(0, j + 1));
    if (hit) for (const a of hit) fn(a);
  }
}

/** One summary per area, in the order of `areas`. */
export function areaCompleteness(input: AreaCompletenessInput): CompletenessSummary[] {
  const r = input.range ?? rangeOf(input);
  const { periods, due } = r;
  const P = periods.length;
  const A = input.areas.length;
  const bounds = { starts: r.starts.map((d) => d.toISOString()), ends: r.ends.map((d) => d.toISOString()) };
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const index = new Map<string, number[]>();
  input.areas.forEach((p, a) => {
    const at = index.get(p);
    if (at) at.push(a);
    else index.set(p, [a]);
  });

  const steady = new Float64Array(A);
  const diff = new Int32Array(A * (P + 1));
  const submitted = new Float64Array(A * P);
  const onTime = new Float64Array(A * P);
  const zero = new Float64Array(A * P);
  if (P > 0) {
    for (const g of input.spans) {
      const at = index.get(g.areaPath);
      if (!at) continue;
      if (g.at === null) {
        for (const a of at) steady[a] += g.born - g.retired;
        continue;
      }
      // Opened at `at`: owed from the first period ending after it; retired: no more from the first starting at or after it.
      const lo = owedFrom(bounds, g.at);
      const hi = owedUntil(bounds, g.at);
      for (const a of at) {
        diff[a * (P + 1) + lo] += g.born;
        diff[a * (P + 1) + hi] -= g.retired;
      }
    }
    const listed = new Set<string>();
    const owe = (u: LifetimeUnit, areas: (fn: (a: number) => void) => void) => {
      const [lo, hi] = expectedRange(bounds, u);
      if (lo < hi)
        areas((a) => {
          diff[a * (P + 1) + lo]++;
          diff[a * (P + 1) + hi]--;
        });
    };
    for (const u of input.units) {
      if (listed.has(u.id)) continue;
      listed.add(u.id);
      owe(u, (fn) => eachAreaOver(u.path, index, fn));
    }
    const pathOf = new Map<string, string>();
    for (const u of input.areaUnits) {
      pathOf.set(u.id, u.path);
      // A listed unit is already counted by its path, the area itself included; the others are in the spans of the areas above.
      if (listed.has(u.id)) continue;
      listed.add(u.id);
      owe(u, (fn) => index.get(u.path)?.forEach(fn));
    }
    const add = (a: number, pi: number, s: number, o: number, z: number) => {
      submitted[a * P + pi] += s;
      onTime[a * P + pi] += o;
      zero[a * P + pi] += z;
    };
    for (const c of input.areaCounts) {
      const pi = pIndex.get(c.period);
      if (pi !== undefined) index.get(c.areaPath)?.forEach((a) => add(a, pi, c.submitted, c.onTime, c.zero));
    }
    for (const [unitId, reports] of input.ownReports) {
      const path = pathOf.get(unitId);
      if (path === undefined) continue;
      for (const s of reports) {
        const pi = pIndex.get(s.period);
        if (pi !== undefined) index.get(path)?.forEach((a) => add(a, pi, 1, s.onTime ? 1 : 0, s.zero ? 1 : 0));
      }
    }
    // Reports of periods a retired unit did not owe are in the roll-up (and its own) but not counted.
    for (const { unit: u, reports } of input.lateRetired) {
      const [lo, hi] = expectedRange(bounds, u);
      for (const s of reports) {
        const pi = pIndex.get(s.period);
        if (pi === undefined || (pi >= lo && pi < hi)) continue;
        eachAreaOver(u.path, index, (a) => add(a, pi, -1, s.onTime ? -1 : 0, s.zero ? -1 : 0));
      }
    }
  }

  return input.areas.map((_, a) => {
    const t = emptyCounts();
    let run = 0;
    for (let pi = 0; pi < P; pi++) {
      run += diff[a * (P + 1) + pi];
      let expected = steady[a] + run;
      const s = submitted[a * P + pi];
      // `expected` holds what is owed; a period not yet due expects only what has come in.
      if (pi >= due) {
        t.notDue += expected - s;
        expected = s;
      }
      t.expected += expected;
      t.submitted += s;
      t.onTime += onTime[a * P + pi];
      t.zero += zero[a * P + pi];
      t.missing += expected - s;
    }
    t.late = t.submitted - t.onTime;
    return withRates(t);
  });
}
