import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { figureQuery, rateSources, unitOf } from '../../../test-support/rate-kit.js';
import { openPatrolsFixture, walk, type PatrolsFixture } from './test-kit.js';

const USERS = ['admin', 'chenzhou', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'] as const;
const T = (day: string, hhmm: string) => `${day}T${hhmm}:00.000Z`;

/*
 * 巡查覆盖率 = patrolled grid-days ÷ (active small grids × days up to today), as the coverage page
 * computes it (docs/patrols.md), by hand. Now: 2026-11-30 10:00 Shanghai.
 *   德化: wgy_dehua's grid patrolled twice on 11-29 and once on 11-30, the other grid once on 11-30 → 3
 *   grid-days; 朱庄: one ended patrol on 11-30 and one under way (not counted) → 1 grid-day.
 *   2026-Q4 up to today: 10-01 … 11-30 = 61 days.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: patrol coverage offered as a rate`, () => {
    let f: PatrolsFixture;
    beforeAll(async () => {
      f = await openPatrolsFixture(tdb, USERS);
      const patrol = async (who: string, gridIds: string[], day: string, end = true) => {
        const s = await f.call(who, 'POST', '/api/v1/patrols', { kind: 'grid', gridIds, startedAt: T(day, '00:30') });
        expect(s.statusCode, s.body).toBe(201);
        if (end) {
          const e = await f.call(who, 'POST', `/api/v1/patrols/${s.json().id}/end`, {
            endedAt: T(day, '01:00'),
            points: walk(f.inside, T(day, '00:31'), 5),
          });
          expect(e.statusCode, e.body).toBe(200);
        }
      };
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-29');
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-29');
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-30');
      await patrol('dehua', [f.grids.dehua1, f.grids.dehua2], '2026-11-30');
      await patrol('wgy_zhuzhuang', [f.grids.zhuzhuang], '2026-11-30');
      await patrol('wgy_zhuzhuang', [f.grids.zhuzhuang], '2026-11-30', false);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('divides the patrolled grid-days by the grid-days up to today, in the unit’s area', async () => {
      const rate = rateSources(f.h).get('patrols.coverage')!;
      const db = f.h.database.db;
      const grids = async (unitId: string) =>
        (await f.deps.org.unitsUnder(db, '411602', (await unitOf(f.h, unitId)).path, { kind: 'grid_small' })).filter(
          (g) => !g.retiredAt,
        ).length;
      const dehuaGrids = await grids(f.units.dehua);
      const zhuzhuangGrids = await grids(f.units.zhuzhuang);
      expect(dehuaGrids).toBeGreaterThanOrEqual(2);
      const q = async (unitId: string, first: string, last: string) =>
        rate.rate(db, figureQuery(await unitOf(f.h, unitId), first, last));
      expect(await q(f.units.dehua, '2026-10-01', '2026-12-31')).toEqual({
        numerator: 3,
        denominator: dehuaGrids * 61,
      });
      expect(await q(f.units.zhuzhuang, '2026-10-01', '2026-12-31')).toEqual({
        numerator: 1,
        denominator: zhuzhuangGrids * 61,
      });
      // Two days so far of a period running on: 11-29 and 11-30.
      expect(await q(f.units.dehua, '2026-11-29', '2026-12-31')).toEqual({ numerator: 3, denominator: dehuaGrids * 2 });
      // The drill-down: one row per grid, summing to the rate.
      const recs = await rate.records!(
        db,
        figureQuery(await unitOf(f.h, f.units.dehua), '2026-10-01', '2026-12-31'),
        100,
      );
      expect(recs).toHaveLength(dehuaGrids);
      const by = Object.fromEntries(recs.map((r) => [r.id, [r.numerator, r.denominator]]));
      expect(by[f.grids.dehua1]).toEqual([2, 61]);
      expect(by[f.grids.dehua2]).toEqual([1, 61]);
      expect(recs.reduce((s, r) => s + r.numerator, 0)).toBe(3);
      // The coverage page gives the same ratio.
      const page = (
        await f.call(
          'dehua',
          'GET',
          `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-10-01&to=2026-12-31&kind=grid`,
        )
      ).json();
      expect(page.ratio).toBeCloseTo(3 / (dehuaGrids * 61), 12);
      // A quarter not begun: no day to measure.
      expect(await q(f.units.dehua, '2027-01-01', '2027-03-31')).toEqual({ numerator: 0, denominator: 0 });
    });
  });
}
