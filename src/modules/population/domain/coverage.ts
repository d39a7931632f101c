// Door-knocking coverage (敲门行动, "不漏一户"): a household's state in a round, folded from its visits,
// and the coverage of a set of households. Pure; the store keeps the state row with every visit.

import type { VisitResult } from '../../../contracts/population.js';

export interface HouseholdRoundState {
  visits: number;
  /** Some visit found the household in and checked it (在家已核实). */
  verified: boolean;
  /** Every visit so far found nobody in (不在家): the household is to be visited again. */
  absentOnly: boolean;
  /** The latest visit (by time, then result, so the state does not depend on the order visits arrive in). */
  lastResult: VisitResult;
  lastVisitedAt: string;
}

export function applyVisit(
  state: HouseholdRoundState | null,
  visit: { result: VisitResult; visitedAt: string },
): HouseholdRoundState {
  const later =
    !state ||
    visit.visitedAt > state.lastVisitedAt ||
    (visit.visitedAt === state.lastVisitedAt && visit.result > state.lastResult);
  return {
    visits: (state?.visits ?? 0) + 1,
    verified: (state?.verified ?? false) || visit.result === 'verified',
    absentOnly: (state ? state.absentOnly : true) && visit.result === 'absent',
    lastResult: later ? visit.result : state.lastResult,
    lastVisitedAt: later ? visit.visitedAt : state.lastVisitedAt,
  };
}

export interface CoverageCounts {
  households: number;
  visited: number;
  verified: number;
  absentOnly: number;
}

/** 走访率 = households visited at least once ÷ households in scope; null for a scope without households. */
export function coverageRate(c: CoverageCounts): number | null {
  return c.households === 0 ? null : c.visited / c.households;
}

export function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return {
    households: a.households + b.households,
    visited: a.visited + b.visited,
    verified: a.verified + b.verified,
    absentOnly: a.absentOnly + b.absentOnly,
  };
}

export const NO_COUNTS: CoverageCounts = { households: 0, visited: 0, verified: 0, absentOnly: 0 };

/**
 * Coverage of households from their states, the definition the stored roll-up is tested against:
 * a household counts once however often it was visited.
 */
export function foldCoverage(
  households: readonly string[],
  states: ReadonlyMap<string, HouseholdRoundState>,
): CoverageCounts {
  let c = { ...NO_COUNTS, households: households.length };
  for (const h of households) {
    const s = states.get(h);
    if (!s) continue;
    c = {
      ...c,
      visited: c.visited + 1,
      verified: c.verified + (s.verified ? 1 : 0),
      absentOnly: c.absentOnly + (s.absentOnly ? 1 : 0),
    };
  }
  return c;
}
