import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/* GET /cases/kpis/by-category: the ledger's indicators per 大类, each equal to a fold over the area's
   cases of that category (受理数 = cases reported in the period, by the first two digits of their
   category), and together equal to the unit's own KPI page — at two instants. */

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: KPIs by category`, () => {
    let f: DemoDistrict;
    const period = 'from=2026-11-01&to=2026-11-30';
    const reportedFold = async (path: string | null) => {
      const rows = await f.h.database.db
        .selectFrom('cases')
        .select(['category_code', 'grid_path', 'reported_at'])
        .execute();
      const out: Record<string, number> = {};
      for (const r of rows) {
        if (path && !r.grid_path?.startsWith(path)) continue;
        if (r.reported_at < '2026-10-31T16:00:00.000Z' || r.reported_at >= '2026-11-30T16:00:00.000Z') continue;
        const major = r.category_code.slice(0, 2);
        out[major] = (out[major] ?? 0) + 1;
      }
      return out;
    };
    const check = async (who: string, unitId: string, path: string | null) => {
      const r = await f.call(who, 'GET', `/api/v1/cases/kpis/by-category?unitId=${unitId}&${period}`);
      expect(r.statusCode).toBe(200);
      const items = r.json().items as { categoryCode: string; counts: Record<string, number> }[];
      expect(Object.fromEntries(items.map((i) => [i.categoryCode, i.counts.reported]))).toEqual(
        await reportedFold(path),
      );
      const page = (await f.call(who, 'GET', `/api/v1/cases/kpis?unitId=${unitId}&${period}`)).json();
      for (const k of ['reported', 'accepted', 'dueToClose', 'closed', 'closedOnTime'])
        expect(items.reduce((s, i) => s + i.counts[k]!, 0)).toBe(page.counts[k]);
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou']);
      await f.report('wgy_dehua', f.points.dehua);
      await f.report('wgy_zhuzhuang', f.points.zhuzhuang);
    });
    afterAll(() => f.h.close());

    it('counts each 大类 as the fold over the area’s cases, adding up to the KPI page, at two instants', async () => {
      const dehua = (await f.ctx.org.unit(f.h.database.db, f.units.dehua))!.path;
      await check('leader', f.units.district, null);
      await check('chenzhou', f.units.dehua, dehua);
      f.h.clock.set('2026-11-30T05:00:00.000Z');
      await f.report('wgy_dehua', f.points.dehua);
      await check('leader', f.units.district, null);
      await check('chenzhou', f.units.dehua, dehua);
      expect((await reportedFold(dehua))['01']).toBe(2);
    });

    it('refuses a unit outside the caller’s scope', async () => {
      const r = await f.call('chenzhou', 'GET', `/api/v1/cases/kpis/by-category?unitId=${f.units.chengbei}&${period}`);
      expect(r.statusCode).toBe(404);
    });
  });
}
