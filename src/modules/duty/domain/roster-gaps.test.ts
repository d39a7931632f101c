import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/dates.js';
import { copyForwardPlan, hasGap, rosterGaps, type RosterEntry } from './roster-gaps.js';

const GRIDS = ['g1', 'g2', 'g3', 'g4'];
const WEEK = Array.from({ length: 7 }, (_, i) => addDays('2026-12-07', i));
const entryArb = fc.record({
  day: fc.constantFrom(...WEEK),
  cadreId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  gridIds: fc.subarray(GRIDS),
});

describe('roster gaps', () => {
  it('a grid is uncovered exactly when no entry of the day lists it, and a day lacks a cadre exactly when no entry names one', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (entries) => {
        const gaps = rosterGaps(WEEK, entries, GRIDS);
        expect(gaps.map((g) => g.day)).toEqual(WEEK);
        for (const g of gaps) {
          const of = entries.filter((e) => e.day === g.day);
          expect(g.noCadre).toBe(of.every((e) => e.cadreId === null));
          for (const grid of GRIDS)
            expect(g.uncoveredGridIds.includes(grid)).toBe(!of.some((e) => e.gridIds.includes(grid)));
        }
      }),
    );
  });

  it('adding an entry never adds a gap', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), entryArb, (entries, extra) => {
        const before = rosterGaps(WEEK, entries, GRIDS);
        const after = rosterGaps(WEEK, [...entries, extra], GRIDS);
        before.forEach((b, i) => {
          expect(after[i].uncoveredGridIds.every((g) => b.uncoveredGridIds.includes(g))).toBe(true);
          if (!b.noCadre) expect(after[i].noCadre).toBe(false);
        });
      }),
    );
  });

  it('a day without entries has every gap; a community without grids only lacks its cadre', () => {
    const [g] = rosterGaps(['2026-12-07'], [], GRIDS);
    expect(g).toEqual({ day: '2026-12-07', noCadre: true, uncoveredGridIds: GRIDS });
    expect(hasGap(g)).toBe(true);
    const [full] = rosterGaps(['2026-12-07'], [{ day: '2026-12-07', cadreId: 'a', gridIds: [] }], []);
    expect(hasGap(full)).toBe(false);
  });
});

describe('copy forward', () => {
  const last: RosterEntry[] = WEEK.slice(0, 3).map((d) => ({ day: addDays(d, -7), cadreId: 'a', gridIds: ['g1'] }));
  it('moves each day seven days on, only into the target week', () => {
    const plan = copyForwardPlan(
      WEEK[0],
      [...last, { day: addDays(WEEK[0], -8), cadreId: 'b', gridIds: [] }],
      new Set(),
      false,
      addDays,
    );
    expect(plan.copies.map((c) => c.day)).toEqual(WEEK.slice(0, 3));
    expect(plan.refused).toEqual([]);
  });
  it('refuses days that already have entries unless asked, and then replaces them', () => {
    const taken = new Set([WEEK[1]]);
    expect(copyForwardPlan(WEEK[0], last, taken, false, addDays)).toEqual({
      copies: [],
      refused: [WEEK[1]],
      replaced: [],
    });
    const forced = copyForwardPlan(WEEK[0], last, taken, true, addDays);
    expect(forced.copies).toHaveLength(3);
    expect(forced.replaced).toEqual([WEEK[1]]);
  });
  it('a taken day the source leaves empty is no clash', () => {
    expect(copyForwardPlan(WEEK[0], last, new Set([WEEK[5]]), false, addDays).refused).toEqual([]);
  });
});
