import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VISIT_RESULTS } from '../../../contracts/population.js';
import { applyVisit, coverageRate, foldCoverage, type HouseholdRoundState } from './coverage.js';

describe('door-knocking coverage', () => {
  it('counts a household once, verified by any visit in, absent-only while nobody was ever in', () => {
    let s: HouseholdRoundState | null = null;
    s = applyVisit(s, { result: 'absent', visitedAt: '2026-12-01T02:00:00.000Z' });
    expect(s).toMatchObject({ visits: 1, verified: false, absentOnly: true, lastResult: 'absent' });
    s = applyVisit(s, { result: 'verified', visitedAt: '2026-12-02T02:00:00.000Z' });
    expect(s).toMatchObject({ visits: 2, verified: true, absentOnly: false, lastResult: 'verified' });
  });

  // Hand-worked: 5 households; h1 verified, h2 absent twice, h3 vacant → 3 visited of 5 = 60 %.
  it('folds a hand-worked grid', () => {
    const states = new Map<string, HouseholdRoundState>();
    const visit = (h: string, result: 'verified' | 'absent' | 'vacant', at: string) =>
      states.set(h, applyVisit(states.get(h) ?? null, { result, visitedAt: at }));
    visit('h1', 'verified', '2026-12-01T01:00:00Z');
    visit('h2', 'absent', '2026-12-01T01:10:00Z');
    visit('h2', 'absent', '2026-12-02T01:10:00Z');
    visit('h3', 'vacant', '2026-12-01T01:20:00Z');
    const c = foldCoverage(['h1', 'h2', 'h3', 'h4', 'h5'], states);
    expect(c).toEqual({ households: 5, visited: 3, verified: 1, absentOnly: 1 });
    expect(coverageRate(c)).toBe(0.6);
    expect(coverageRate({ households: 0, visited: 0, verified: 0, absentOnly: 0 })).toBeNull();
  });

  it('reaches the same state whatever order the visits arrive in (phones send late)', () => {
    const visit = fc.record({
      result: fc.constantFrom(...VISIT_RESULTS),
      visitedAt: fc.integer({ min: 0, max: 50 }).map((m) => new Date(Date.UTC(2026, 11, 1, 0, m)).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(visit, { minLength: 1, maxLength: 8 }), (visits) => {
        const forward = visits.reduce<HouseholdRoundState | null>((s, v) => applyVisit(s, v), null);
        const backward = [...visits].reverse().reduce<HouseholdRoundState | null>((s, v) => applyVisit(s, v), null);
        expect(backward).toEqual(forward);
        expect(forward!.visits).toBe(visits.length);
        expect(forward!.verified).toBe(visits.some((v) => v.result === 'verified'));
        expect(forward!.absentOnly).toBe(visits.every((v) => v.result === 'absent'));
      }),
    );
  });
});
