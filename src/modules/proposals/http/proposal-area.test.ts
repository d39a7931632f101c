import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * The proposal list and the yearly statistics narrowed to an area (`unitId`: a handling unit in it;
 * the district: all): the pages behind the dashboard's 提案数 and proposal rates of each 街道, on the
 * demo proposals, so a click lands on a total equal to the number clicked.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the proposals of an area`, () => {
    let f: DemoDistrict;
    const period = 'from=2026-11-01&to=2026-11-30';

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua']);
      const mods = f.ctx.modules.filter((m) => m.name === 'proposals');
      await prepareModules(mods, f.ctx, { districtId: f.h.districtId, now: f.h.clock.now() });
    }, 120_000);
    afterAll(() => f.h.close());

    const get = async (who: string, url: string) => {
      const r = await f.call(who, 'GET', url);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };

    it('lists and counts per area what the dashboard counts there, 街道 by 街道 and for the district', async () => {
      const areas = (await get('leader', `/api/v1/insights/areas?measure=proposals.count&${period}`)).areas as {
        unit: { id: string };
        numerator: number;
      }[];
      const district = (await get('leader', `/api/v1/insights/dashboard?${period}`)).figures as {
        code: string;
        numerator: number;
        denominator: number | null;
      }[];
      const cases = [
        ...areas.map((a) => ({ unitId: a.unit.id, count: a.numerator })),
        { unitId: f.units.district, count: district.find((x) => x.code === 'proposals.count')!.numerator },
      ];
      expect(cases.some((c) => c.count > 0)).toBe(true);
      expect(cases.some((c) => c.count === 0)).toBe(true);
      for (const c of cases) {
        const list = await get('leader', `/api/v1/proposals?year=2026&unitId=${c.unitId}&limit=500`);
        expect(list.counts.total, c.unitId).toBe(c.count);
        expect(list.items.length).toBe(c.count);
        const stats = await get('leader', `/api/v1/proposals/stats?year=2026&asOf=2026-11-30&unitId=${c.unitId}`);
        expect(stats.proposals).toBe(c.count);
      }
    });

    it('gives an area’s rates on the statistics page as the dashboard does', async () => {
      const figs = (await get('leader', `/api/v1/insights/dashboard?unitId=${f.units.chenzhou}&${period}`)).figures as {
        code: string;
        numerator: number;
        denominator: number | null;
      }[];
      const fig = (code: string) => figs.find((x) => x.code === code)!;
      const s = await get('leader', `/api/v1/proposals/stats?year=2026&asOf=2026-11-30&unitId=${f.units.chenzhou}`);
      expect(fig('proposals.onTimeReplyRate')).toMatchObject({ numerator: s.repliedOnTime, denominator: s.repliesDue });
      expect(fig('proposals.implementationRate')).toMatchObject({
        numerator: s.commitmentsDone,
        denominator: s.commitments,
      });
      expect(fig('proposals.satisfactionRate')).toMatchObject({
        numerator: s.satisfiedOrBasically,
        denominator: s.rated,
      });
    });

    it('refuses a unit outside the caller’s scope (403) and a malformed one (400), naming unitId', async () => {
      const out = await f.call('chenzhou', 'GET', `/api/v1/proposals?unitId=${f.units.chengbei}`);
      expect(out.statusCode).toBe(403);
      expect(out.json().errors[0].field).toBe('unitId');
      const stats = await f.call('chenzhou', 'GET', `/api/v1/proposals/stats?year=2026&unitId=${f.units.chengbei}`);
      expect(stats.statusCode).toBe(403);
      const bad = await f.call('leader', 'GET', '/api/v1/proposals?unitId=chenzhou');
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('unitId');
    });
  });
}
