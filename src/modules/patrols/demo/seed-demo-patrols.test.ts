import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoPatrols } from './seed-demo-patrols.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo patrols`, () => {
    let h: Harness;
    let made: Record<string, number> = {};
    const get = async (who: string, url: string) =>
      (await h.call('GET', url, { cookie: await h.login(who, 'Demo12345') })).json();
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      made = await seedDemoPatrols(
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

    it('walks the demo grids on the last five days, with one patrol of today still under way', async () => {
      expect(made.patrols).toBe(5 * 2 + 2 + 2 + 1);
      const mine = await get('wgy_dehua', '/api/v1/patrols?limit=100');
      const active = mine.items.filter((p: { status: string }) => p.status === 'active');
      expect(active).toHaveLength(1);
      // Begun a few minutes before start-up, not hours: plausibly still being walked.
      const ago = h.clock.now().getTime() - Date.parse(active[0].startedAt);
      expect(ago).toBeGreaterThan(0);
      expect(ago).toBeLessThanOrEqual(10 * 60_000);
      // The e2e ends it through the API before the phone starts its own: that works with its timing.
      const ended = await h.call('POST', `/api/v1/patrols/${active[0].id}/end`, {
        cookie: await h.login('wgy_dehua', 'Demo12345'),
        body: { endedAt: h.clock.now().toISOString() },
      });
      expect(ended.statusCode, ended.body).toBe(200);
      // 2026-11-30 in the harness: the five days before it.
      const cov = await get('dehua', '/api/v1/patrols/coverage?from=2026-11-25&to=2026-11-29');
      const walked = cov.grids.filter((g: { patrolledDays: number }) => g.patrolledDays > 0);
      expect(walked.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...walked.map((g: { ratio: number }) => g.ratio))).toBe(1);
      // The demo walks stay inside their grids: nothing flagged.
      expect((await get('dehua', '/api/v1/patrols?far=true')).items).toEqual([]);
      const tracks = await get('chenzhou', '/api/v1/patrols/tracks?day=2026-11-29');
      expect(tracks.features.length).toBeGreaterThanOrEqual(2);
    });
  });
}
