import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * 集中整治场次 on the dashboard, counted by hand: 德化 opens campaigns starting 11-20 and 11-30, 朱庄
 * one starting 11-25, 陈州 one of its own starting 11-26 (counted at 陈州, in neither community).
 *   November:   德化 2, 朱庄 1, 陈州 4, 城北 0
 *   11-21–11-30: 德化 1, 朱庄 1, 陈州 3
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: campaign measures`, () => {
    let f: DemoDistrict;
    const areas = async (who: string, unitId: string, from: string, to: string) => {
      const r = await f.call(
        who,
        'GET',
        `/api/v1/insights/areas?measure=campaigns.held&unitId=${unitId}&level=children&from=${from}&to=${to}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return Object.fromEntries(
        (r.json().areas as { unit: { id: string }; numerator: number }[]).map((a) => [a.unit.id, a.numerator]),
      );
    };
    const open = async (who: string, scopeUnitId: string, startDay: string, endDay: string) => {
      const r = await f.call(who, 'POST', '/api/v1/campaigns', {
        title: `集中整治 ${startDay}`,
        kind: 'special',
        scopeUnitId,
        startDay,
        endDay,
        units: [],
        volunteerCount: 0,
        volunteerNames: [],
        categories: [],
      });
      expect(r.statusCode, r.body).toBe(201);
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua', 'zhuzhuang']);
      await open('dehua', f.units.dehua, '2026-11-20', '2026-11-28');
      await open('dehua', f.units.dehua, '2026-11-30', '2026-12-05');
      await open('zhuzhuang', f.units.zhuzhuang, '2026-11-25', '2026-11-30');
      await open('chenzhou', f.units.chenzhou, '2026-11-26', '2026-12-10');
    }, 120_000);
    afterAll(() => f.h.close());

    it('counts the campaigns starting in the period once, at their scope unit', async () => {
      const nov = await areas('leader', f.units.chenzhou, '2026-11-01', '2026-11-30');
      expect(nov).toMatchObject({ [f.units.dehua]: 2, [f.units.zhuzhuang]: 1 });
      // 陈州's other communities opened none; its own campaign is in none of them.
      expect(Object.values(nov).reduce((a, b) => a + b, 0)).toBe(3);
      const district = await areas('leader', f.units.district, '2026-11-01', '2026-11-30');
      expect([district[f.units.chenzhou], district[f.units.chengbei]]).toEqual([4, 0]);
      expect(await areas('chenzhou', f.units.chenzhou, '2026-11-21', '2026-11-30')).toMatchObject({
        [f.units.dehua]: 1,
        [f.units.zhuzhuang]: 1,
      });
      const later = await areas('leader', f.units.district, '2026-11-21', '2026-11-30');
      expect(later[f.units.chenzhou]).toBe(3);
    });

    it('gives a 社区 its own figure and refuses it another’s', async () => {
      const own = await f.call(
        'zhuzhuang',
        'GET',
        `/api/v1/insights/dashboard?unitId=${f.units.zhuzhuang}&from=2026-11-01&to=2026-11-30`,
      );
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().figures.find((x: { code: string }) => x.code === 'campaigns.held')).toMatchObject({
        numerator: 1,
      });
      const other = await f.call(
        'zhuzhuang',
        'GET',
        `/api/v1/insights/dashboard?unitId=${f.units.dehua}&from=2026-11-01&to=2026-11-30`,
      );
      expect(other.statusCode).toBe(403);
    });

    it('lists behind each figure exactly the campaigns counted (the link’s unitId, from and to)', async () => {
      const cases = [
        { who: 'leader', unitId: f.units.district, from: '2026-11-01', to: '2026-11-30' },
        { who: 'leader', unitId: f.units.chenzhou, from: '2026-11-01', to: '2026-11-30' },
        { who: 'leader', unitId: f.units.chengbei, from: '2026-11-01', to: '2026-11-30' },
        { who: 'chenzhou', unitId: f.units.chenzhou, from: '2026-11-21', to: '2026-11-30' },
        { who: 'chenzhou', unitId: f.units.dehua, from: '2026-11-01', to: '2026-11-30' },
        { who: 'dehua', unitId: f.units.dehua, from: '2026-11-21', to: '2026-11-30' },
      ];
      for (const c of cases) {
        const fig = await f.call(
          c.who,
          'GET',
          `/api/v1/insights/dashboard?unitId=${c.unitId}&from=${c.from}&to=${c.to}`,
        );
        expect(fig.statusCode, fig.body).toBe(200);
        const held = fig.json().figures.find((x: { code: string }) => x.code === 'campaigns.held');
        const link = held.link as string;
        expect(link).toBe(`/campaigns?unitId=${c.unitId}&from=${c.from}&to=${c.to}`);
        const list = await f.call(c.who, 'GET', `/api/v1${link}`);
        expect(list.statusCode, list.body).toBe(200);
        const items = list.json().items as { startDay: string }[];
        expect(items.length, `${c.who} ${link}`).toBe(held.numerator);
        for (const i of items) expect(i.startDay >= c.from && i.startDay <= c.to).toBe(true);
      }
      // By hand (the file's header): 陈州 in November 4, 城北 none.
      const chenzhou = await f.call(
        'leader',
        'GET',
        `/api/v1/campaigns?unitId=${f.units.chenzhou}&from=2026-11-01&to=2026-11-30`,
      );
      expect(chenzhou.json().items).toHaveLength(4);
    });

    it('refuses a unit outside the scope (403 naming unitId) and a malformed or reversed period (400)', async () => {
      const out = await f.call('zhuzhuang', 'GET', `/api/v1/campaigns?unitId=${f.units.dehua}`);
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 'campaign.unit_out_of_scope' });
      expect(out.json().errors[0].field).toBe('unitId');
      const reversed = await f.call('leader', 'GET', '/api/v1/campaigns?from=2026-11-30&to=2026-11-01');
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().errors[0].field).toBe('from');
      expect((await f.call('leader', 'GET', '/api/v1/campaigns?unitId=nope')).statusCode).toBe(400);
    });
  });
}
