import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankBranches, ranksOf, type RankEntry } from './ranking.js';

const e = (id: string, stars: number | null, score = 0): RankEntry => ({
  branchId: id,
  name: id,
  rated: stars === null ? null : { stars, score },
});

const entryArb = fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 0, maxLength: 40 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record({
        branchId: fc.constant(`b${id}`),
        name: fc.constant(`支部${id}`),
        rated: fc.option(
          fc.record({
            stars: fc.integer({ min: 0, max: 5 }),
            score: fc.integer({ min: 0, max: 20 }).map((s) => s * 5),
          }),
          { nil: null, freq: 4 },
        ),
      }),
    ),
  ),
);

describe('ranking by stars, then score', () => {
  it('ranks more stars above a higher score, ties share a rank and the next skips (1, 1, 3)', () => {
    const rows = rankBranches([e('a', 3, 80), e('b', 4, 10), e('c', 3, 80), e('d', 3, 79.5), e('u', null)]);
    expect(rows.map((r) => [r.branchId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
      ['u', null],
    ]);
  });

  it('compares scores to the hundredth', () => {
    expect([...ranksOf([e('a', 1, 87.333333), e('b', 1, 87.33)]).values()]).toEqual([1, 1]);
  });

  it('moves: last quarter’s rank minus this quarter’s, null for a branch new to the ranking', () => {
    const rows = rankBranches([e('a', 2, 50), e('b', 3, 50), e('c', 1, 0)], [e('a', 3, 0), e('b', 1, 0), e('c', null)]);
    expect(rows.map((r) => [r.branchId, r.rank, r.previousRank, r.movement])).toEqual([
      ['b', 1, 2, 1],
      ['a', 2, 1, -1],
      ['c', 3, null, null],
    ]);
  });

  it('a rank is 1 + the number strictly better; unrated have none and come last (property)', () => {
    fc.assert(
      fc.property(entryArb, (entries) => {
        const rows = rankBranches(entries);
        expect(rows).toHaveLength(entries.length);
        for (const r of rows) {
          if (!r.rated) {
            expect(r.rank).toBeNull();
            continue;
          }
          const strictlyBetter = entries.filter(
            (o) =>
              o.rated &&
              (o.rated.stars > r.rated!.stars || (o.rated.stars === r.rated!.stars && o.rated.score > r.rated!.score)),
          ).length;
          expect(r.rank).toBe(1 + strictlyBetter);
        }
        const firstUnrated = rows.findIndex((r) => !r.rated);
        if (firstUnrated >= 0) expect(rows.slice(firstUnrated).every((r) => !r.rated)).toBe(true);
        // Listed in rank order.
        const ranks = rows.filter((r) => r.rank !== null).map((r) => r.rank!);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });

  it('does not depend on the input order, and movement sums to zero when the same branches are ranked without ties (property)', () => {
    fc.assert(
      fc.property(entryArb, fc.integer(), (entries, seed) => {
        const shuffled = [...entries].sort(
          (a, b) =>
            ((a.branchId.length * seed) % 7) - ((b.branchId.length * seed) % 7) || (a.branchId < b.branchId ? 1 : -1),
        );
        expect(rankBranches(shuffled)).toEqual(rankBranches(entries));
        const distinct = entries.map((x, i) => ({ ...x, rated: { stars: 0, score: i } }));
        const reversed = entries.map((x, i) => ({ ...x, rated: { stars: 0, score: -i } }));
        const moves = rankBranches(distinct, reversed).map((r) => r.movement!);
        expect(moves.reduce((s, m) => s + m, 0)).toBe(0);
      }),
    );
  });
});
