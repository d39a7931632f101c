import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, seedDemoDistrict } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import { seedDemoFarmland } from './seed-demo-farmland.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo farmland`, () => {
    let h: Harness;
    let made: Record<string, number> = {};
    const get = async (who: string, url: string) =>
      (await h.call('GET', url, { cookie: await h.login(who, 'Demo12345') })).json();
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      const locator = new LocateService(h.database, h.clock);
      const ctx = createModuleContext({ database: h.database, clock: h.clock, config, locator });
      made = await seedDemoFarmland(ctx, h.clock.now());
    }, 120_000);
    afterAll(async () => h?.close());

    it('imports four parcels of 后湾 inside its boundary and marks one farmland case', async () => {
      expect(made).toEqual({ parcels: 4, farmlandCases: 1 });
      const table = await get('chengbei', '/api/v1/farmland/villages');
      const houwan = table.items.find((v: { villageName: string }) => v.villageName === '后湾行政村');
      expect(houwan).toMatchObject({ parcels: 4, outsideParcels: 0, cases: 1, openCases: 1, occupiedMu: 0.8 });
      expect(houwan.farmlandMu).toBeGreaterThan(0);
      const cases = await get('leader', '/api/v1/farmland/cases');
      expect(cases.items).toHaveLength(1);
      expect(cases.items[0]).toMatchObject({ parcelKind: 'permanent_basic', villageName: '后湾行政村' });
      // Outside 陈州's scope.
      expect((await get('chenzhou', '/api/v1/farmland/cases')).items).toHaveLength(0);
    });
  });
}
