import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoVenues } from './seed-demo-venues.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo venues`, () => {
    let h: Harness;
    let made: Record<string, number> = {};
    const get = async (who: string, url: string) =>
      (await h.call('GET', url, { cookie: await h.login(who, 'Demo12345') })).json();
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      made = await seedDemoVenues(
        {
          database: h.database,
          clock: h.clock,
          config,
          org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        },
        h.clock.now(),
      );
    }, 120_000);
    afterAll(async () => h?.close());

    it('spreads twelve venues over 德化, 朱庄 and 城北, each seen by its own community and 街道', async () => {
      expect(made).toEqual({ venues: 12, inspections: 5, closures: 2 });
      const names = async (who: string) =>
        ((await get(who, '/api/v1/venues?limit=100')).items as { name: string }[]).map((v) => v.name);
      expect(await names('leader')).toHaveLength(12);
      expect(await names('dehua')).toHaveLength(5);
      expect((await names('dehua')).every((n) => n.startsWith('德化街'))).toBe(true);
      expect(await names('chenzhou')).toHaveLength(8);
      expect((await names('chengbei')).every((n) => n.startsWith('北关街'))).toBe(true);
      // The grid worker's phone lists the venues of the grid.
      expect((await names('wgy_dehua')).sort()).toEqual(
        ['德化街便民超市', '德化街社区卫生室', '德化街老城烩面馆'].sort(),
      );
    });

    it('tells a failed inspection with its case and an open order, and an order lifted after a re-check', async () => {
      const list = (await get('dehua', '/api/v1/venues?limit=100')).items as {
        id: string;
        name: string;
        status: string;
      }[];
      const noodles = list.find((v) => v.name === '德化街老城烩面馆')!;
      expect(noodles.status).toBe('closed');
      const d = await get('dehua', `/api/v1/venues/${noodles.id}`);
      expect(d.openClosure).toMatchObject({ days: 7, lifted: null });
      expect(d.history.map((e: { kind: string }) => e.kind)).toEqual(['inspection', 'closure_issued']);
      const failed = d.history[0].inspection;
      expect(failed.result).toBe('fail');
      const c = await get('dehua', `/api/v1/cases/${failed.case.id}`);
      expect(c.caseNumber).toBe(failed.case.number);
      const netcafe = list.find((v) => v.name === '德化街星光网吧')!;
      expect(netcafe.status).toBe('open');
      const n = await get('dehua', `/api/v1/venues/${netcafe.id}`);
      expect(n.history.map((e: { kind: string }) => e.kind)).toEqual([
        'inspection',
        'closure_issued',
        'inspection',
        'closure_lifted',
      ]);
    });
  });
}
