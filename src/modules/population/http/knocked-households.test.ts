import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, type PopulationFixture } from './test-kit.js';

const USERS = ['admin', 'leader', 'chenzhou', 'dehua', 'zhuzhuang'];

/**
 * GET /door-knock-households: the households knocked in an area over days, any round — the list behind
 * the dashboard's 敲门入户数 and 在家已核实户数, so its total equals the number clicked.
 * Visits (Shanghai days): 德化 h1 verified 11-30 01:00 and absent 11-30 09:00 (one door), h2 absent
 * 11-29 23:00, h3 absent 11-30 09:30; 朱庄 zz verified 11-30 09:00; h2 again verified 11-28 10:00.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the households door-knocked in an area`, () => {
    let f: PopulationFixture;
    const ids = { h1: '', h2: '', h3: '', zz: '' };

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      const [g1, g2] = f.grids.dehua;
      const household = async (who: string, address: string, gridId: string) => {
        const r = await f.call(who, 'POST', '/api/v1/households', { address, gridId });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      ids.h1 = await household('dehua', '德化街1号', g1!.id);
      ids.h2 = await household('dehua', '德化街2号', g1!.id);
      ids.h3 = await household('dehua', '德化街3号', g2!.id);
      ids.zz = await household('zhuzhuang', '朱庄路1号', f.grids.zhuzhuang[0]!.id);
      const round = async (who: string, scopeUnitId: string) => {
        const r = await f.call(who, 'POST', '/api/v1/door-knock-rounds', {
          name: '冬季走访',
          scopeUnitId,
          startsOn: '2026-11-27',
          endsOn: '2026-12-05',
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      const dehua = await round('dehua', f.units.dehua.id);
      const zz = await round('zhuzhuang', f.units.zhuzhuang.id);
      const visit = async (who: string, roundId: string, householdId: string, result: string, visitedAt: string) => {
        const r = await f.call(who, 'POST', `/api/v1/door-knock-rounds/${roundId}/visits`, {
          householdId,
          result,
          visitedAt,
        });
        expect(r.statusCode, r.body).toBe(201);
      };
      await visit('dehua', dehua, ids.h2, 'verified', '2026-11-28T02:00:00Z');
      await visit('dehua', dehua, ids.h1, 'verified', '2026-11-29T17:00:00Z');
      await visit('dehua', dehua, ids.h1, 'absent', '2026-11-30T01:00:00Z');
      await visit('dehua', dehua, ids.h3, 'absent', '2026-11-30T01:30:00Z');
      await visit('dehua', dehua, ids.h2, 'absent', '2026-11-29T15:00:00Z');
      await visit('zhuzhuang', zz, ids.zz, 'verified', '2026-11-30T01:00:00Z');
    }, 120_000);
    afterAll(async () => f?.h.close());

    const list = async (who: string, qs: string) => {
      const r = await f.call(who, 'GET', `/api/v1/door-knock-households?${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { total: number; items: { id: string; visits: number; lastResult: string }[] };
      return { ...page, ids: page.items.map((i) => i.id) };
    };
    const figure = async (who: string, unitId: string, from: string, to: string, code: string) => {
      const r = await f.call(who, 'GET', `/api/v1/insights/dashboard?unitId=${unitId}&from=${from}&to=${to}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().figures as { code: string; value: number }[]).find((x) => x.code === code)!.value;
    };

    it('lists the doors knocked on the days, one per household, newest first, as many as the dashboard counts', async () => {
      const today = await list('dehua', `unitId=${f.units.dehua.id}&from=2026-11-30&to=2026-11-30`);
      expect(today.ids).toEqual([ids.h3, ids.h1]);
      expect(today.total).toBe(2);
      expect(today.items.find((i) => i.id === ids.h1)).toMatchObject({ visits: 2, lastResult: 'absent' });
      expect(today.total).toBe(
        await figure('dehua', f.units.dehua.id, '2026-11-30', '2026-11-30', 'population.doorsKnocked'),
      );
      const week = await list('leader', `unitId=${f.units.chenzhou.id}&from=2026-11-23&to=2026-11-30`);
      expect(week.ids).toEqual([ids.h3, ids.h1, ids.zz, ids.h2]);
      expect(week.total).toBe(
        await figure('leader', f.units.chenzhou.id, '2026-11-23', '2026-11-30', 'population.doorsKnocked'),
      );
    });

    it('narrows to households with a verified visit, as 在家已核实户数', async () => {
      const verified = await list('leader', `unitId=${f.units.dehua.id}&from=2026-11-23&to=2026-11-30&result=verified`);
      expect(verified.ids.sort()).toEqual([ids.h1, ids.h2].sort());
      expect(verified.total).toBe(
        await figure('leader', f.units.dehua.id, '2026-11-23', '2026-11-30', 'population.householdsVerified'),
      );
      // Only the 11-29 (local) day: h2's verified visit was on 11-28, h1's on 11-30 01:00 local.
      expect((await list('dehua', `from=2026-11-29&to=2026-11-29&result=verified`)).ids).toEqual([]);
    });

    it('keeps to the caller’s scope: 403 for a unit outside it, 400 for a bad query, naming the field', async () => {
      const out = await f.call(
        'dehua',
        'GET',
        `/api/v1/door-knock-households?unitId=${f.units.zhuzhuang.id}&from=2026-11-30&to=2026-11-30`,
      );
      expect(out.statusCode).toBe(403);
      expect(out.json().errors[0].field).toBe('unitId');
      // Without a unit: the caller's own scope (德化 never sees 朱庄's door).
      expect((await list('dehua', 'from=2026-11-23&to=2026-11-30')).ids).not.toContain(ids.zz);
      const bad = await f.call('dehua', 'GET', '/api/v1/door-knock-households?from=2026-12-01&to=2026-11-30');
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('from');
    });
  });
}
