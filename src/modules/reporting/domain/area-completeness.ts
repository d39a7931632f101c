import { emptyCounts, withRates, type CompletenessSummary } from './completeness.js';
import { expectedRange, rangeOf, type LifetimeUnit, type PeriodFlags } from './completeness-rollup.js';
import type { DeadlineRule, PeriodType } from './periods.js';

/**
 * The completeness totals of many areas at once (a dashboard's unit, a map of communities), by the
 * rules of completenessFromRollup (completeness.ts lists them), without every reporting unit's row:
 *
 *   expected(area, p) = alive(area) + born(area, p) + #{ u in `units` under or at the area : u owes p }
 *                       + the area *                       itself when it reports and is not in `units`
 *   submitted(area, p) = rollup(area, p) + own(area, p) − unexpected(area, p); onTime, zero likewise
 *
 * `alive` counts, per parent, the reporting units that owe every period of the range (alive from
 * before the first period's end until after the last one's start): most units, read as one count per
 * parent. `born` counts, per parent and birth instant (or hour), those born inside the range and
 * alive to its end. `units` are the others that may owe some period of it (retired inside the range,
 * or with instants not in the stored ISO form), with their life spans. An area lies over a unit when
 * its path is one of the unit's path prefixes; a parent's count belongs to the areas over the parent
 * — and an area that is itself a reporting unit counts itself (`areaUnits`).
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
  /** Reporting units owing every period of the range, counted per parent path. */
  alive: readonly { parentPath: string; count: number }[];
  /** Reporting units born inside the range and not retired before its end, counted per parent path and birth instant. */
  born?: readonly { parentPath: string; createdAt: string; count: number }[];
  /** The other reporting units under the areas that may owe a period of the range, with their life spans. */
  units: readonly LifetimeUnit[];
  /** The areas that are reporting units themselves (their own life span). */
  areaUnits: readonly LifetimeUnit[];
  /** Roll-up rows of the areas' paths (the reports of the units strictly below each). */
  areaCounts: readonly { areaPath: string; period: string; submitted: number; onTime: number; zero: number }[];
  /** Own reports of `areaUnits`, by unit id. */
  ownReports: ReadonlyMap<string, readonly PeriodFlags[]>;
  /** Reports of the units of `units` retired inside the range, by unit id. */
  lateRetired: ReadonlyMap<string, readonly PeriodFlags[]>;
}

/** The bounds `alive` is counted by: a unit born before `bornBefore` and not retired by `aliveAfter` owes every period. */
export function aliveBounds(
  i: Pick<AreaCompletenessInput, 'periodType' | 'deadline' | 'from' | 'to' | 'timeZone' | 'now'>,
) {
  const r = rangeOf(i);
  if (!r.periods.length) return null;
  return {
    /** created_at < this: owes the first period (and so every one until it retires). */
    bornBefore: r.ends[0].toISOString(),
    /** retired_at > this (or never retired): owes the last period. */
    aliveAfter: r.starts[r.starts.length - 1].toISOString(),
    /** A unit born at or after `to`, or retired at or before `from`, owes none. */
    from: r.start!.toISOString(),
    to: r.end!.toISOString(),
    /** Every bound a whole UTC hour: births may be counted per hour (all instants inside one compare alike). */
    bornByHour: [...r.starts, ...r.ends].every((d) => d.getTime() % 3_600_000 === 0),
  };
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
  const r = rangeOf(input);
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
    for (const g of input.alive) eachAreaOver(g.parentPath, index, (a) => (steady[a] += g.count));
    for (const g of input.born ?? []) {
      const [lo, hi] = expectedRange(bounds, { createdAt: g.createdAt, retiredAt: null });
      if (lo < hi)
        eachAreaOver(g.parentPath, index, (a) => {
          diff[a * (P + 1) + lo] += g.count;
          diff[a * (P + 1) + hi] -= g.count;
        });
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
      // A listed unit is already counted by its path, the area itself included; the others are in their parent's count.
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
    const byId = new Map(input.units.map((u) => [u.id, u]));
    for (const [unitId, reports] of input.lateRetired) {
      const u = byId.get(unitId);
      if (!u) continue;
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
