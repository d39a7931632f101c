import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * GET /screening-entries: the people newly listed on an area's grids over days, any campaign — the
 * list behind the dashboard's 排查人数 — on the demo campaigns: for every 街道, 陈州's 社区 and the
 * district, `people` is the dashboard's number and the entries are those rows.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the people listed in an area`, () => {
    let f: DemoDistrict;
    const period = 'from=2026-11-01&to=2026-11-30';

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua']);
      const mods = f.ctx.modules.filter((m) => ['population', 'screening'].includes(m.name));
      await prepareModules(mods, f.ctx, { districtId: f.h.districtId, now: f.h.clock.now() });
    }, 120_000);
    afterAll(() => f.h.close());

    const get = async (who: string, url: string) => {
      const r = await f.call(who, 'GET', url);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    type Area = { unit: { id: string }; numerator: number };
    const areasOf = async (unitId: string) =>
      (await get('leader', `/api/v1/insights/areas?measure=screening.peopleListed&unitId=${unitId}&${period}`))
        .areas as Area[];

    it('gives per area the dashboard’s 排查人数 as its people, and the rows behind it', async () => {
      const areas = [...(await areasOf(f.units.district)), ...(await areasOf(f.units.chenzhou))];
      const district = (await get('leader', `/api/v1/insights/dashboard?${period}`)).figures as {
        code: string;
        numerator: number;
      }[];
      areas.push({
        unit: { id: f.units.district },
        numerator: district.find((x) => x.code === 'screening.peopleListed')!.numerator,
      });
      expect(areas.some((a) => a.numerator > 0)).toBe(true);
      expect(areas.some((a) => a.numerator === 0)).toBe(true);
      const db = f.h.database.db;
      for (const a of areas) {
        const page = await get('leader', `/api/v1/screening-entries?unitId=${a.unit.id}&${period}`);
        expect(page.people, a.unit.id).toBe(a.numerator);
        const path = (await f.ctx.org.unit(db, a.unit.id))!.path;
        const rows = await db
          .selectFrom('scr_entries')
          .select(['id', 'id_number'])
          .where('grid_path', 'like', `${path}%`)
          .where('created_at', '>=', '2026-10-31T16:00:00.000Z')
          .where('created_at', '<', '2026-11-30T16:00:00.000Z')
          .execute();
        expect(page.total).toBe(rows.length);
        expect(page.items.map((e: { id: string }) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
        expect(new Set(rows.map((r) => r.id_number)).size).toBe(page.people);
        // Masked, as on the campaign's page.
        for (const e of page.items as { idNumber: string; revealed: boolean }[]) {
          expect(e.revealed).toBe(false);
          expect(e.idNumber).toContain('*');
        }
      }
    });

    it('keeps to the caller’s scope: 403 for a unit outside it, 400 for a reversed period', async () => {
      const out = await f.call('dehua', 'GET', `/api/v1/screening-entries?unitId=${f.units.chengbei}&${period}`);
      expect(out.statusCode).toBe(403);
      expect(out.json().errors[0].field).toBe('unitId');
      const bad = await f.call('dehua', 'GET', '/api/v1/screening-entries?from=2026-12-01&to=2026-11-30');
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('from');
    });
  });
}
