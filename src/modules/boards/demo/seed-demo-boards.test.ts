import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoBoards } from './seed-demo-boards.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo boards`, () => {
    let h: Harness;
    let made: Record<string, number> = {};
    const get = async (who: string, url: string) =>
      (await h.call('GET', url, { cookie: await h.login(who, 'Demo12345') })).json();
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      made = await seedDemoBoards({
        database: h.database,
        clock: h.clock,
        config,
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
      });
    }, 120_000);
    afterAll(async () => h?.close());

    it('puts six boards in 德化 and 朱庄, in every state', async () => {
      expect(made).toEqual({ boards: 6, changes: 4 });
      const list = await get('chenzhou', '/api/v1/boards');
      expect(list.items).toHaveLength(6);
      expect(list.byState).toEqual({ good: 3, damaged: 1, to_replace: 1, removed: 1 });
      expect((await get('dehua', '/api/v1/boards')).items).toHaveLength(3);
      expect(list.items.filter((b: { location: unknown }) => b.location).length).toBe(3);
    });
  });
}
