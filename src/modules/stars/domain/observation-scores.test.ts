import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchAverages, scoreProblem } from './observation-scores.js';

describe('observation scores', () => {
  it('averages the scores a branch was given, one decimal, ignoring visitors who gave none', () => {
    expect(
      branchAverages(
        ['a', 'b', 'c'],
        [
          { visitorId: 'v1', branchId: 'a', score: 90 },
          { visitorId: 'v2', branchId: 'a', score: 85.5 },
          { visitorId: 'v3', branchId: 'a', score: 80 },
          { visitorId: 'v1', branchId: 'b', score: 70 },
        ],
      ),
    ).toEqual([
      { branchId: 'a', count: 3, average: 85.2 },
      { branchId: 'b', count: 1, average: 70 },
      { branchId: 'c', count: 0, average: null },
    ]);
  });

  it('lies between the lowest and the highest score given, and equals a fold over the scores', () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
          { minLength: 1, maxLength: 40 },
        ),
        (xs) => {
          const [r] = branchAverages(
            ['x'],
            xs.map((score, i) => ({ visitorId: `v${i}`, branchId: 'x', score })),
          );
          expect(r!.count).toBe(xs.length);
          expect(r!.average!).toBeGreaterThanOrEqual(Math.min(...xs) - 0.05);
          expect(r!.average!).toBeLessThanOrEqual(Math.max(...xs) + 0.05);
          expect(r!.average).toBe(Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
        },
      ),
    ));

  it.each([
    [0, null],
    [100, null],
    [92.5, null],
    [-0.1, 'range'],
    [100.5, 'range'],
    [Number.NaN, 'range'],
    [92.25, 'precision'],
  ])('%s → %s', (score, problem) => expect(scoreProblem(score)).toBe(problem));
});
