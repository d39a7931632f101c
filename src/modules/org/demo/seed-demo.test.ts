import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { loadConfig } from '../../../kernel/config.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { bbox } from '../../../kernel/geo/geojson.js';
import { pointInGeometry } from '../../../kernel/geo/point-in-polygon.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { seedDemoDistrict } from './seed-demo.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo district`, () => {
    let h: Harness;
    let summary: Record<string, number>;
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      summary = (await seedDemoDistrict(h.database, config, h.clock, h.districtId)).summary;
    }, 120_000);
    afterAll(async () => h?.close());

    it('creates the seed’s sub-districts, grids, departments, people and accounts', () => {
      expect(summary).toMatchObject({ subdistricts: 7, accounts: DEMO_ACCOUNTS.length });
      expect(summary.smallGrids).toBeGreaterThanOrEqual(82);
      expect(summary.people).toBeGreaterThan(summary.smallGrids);
    });

    it('logs every demo account in with the demo password, without a forced change', async () => {
      for (const a of DEMO_ACCOUNTS) {
        const res = await h.call('POST', '/api/v1/auth/login', {
          body: { username: a.username, password: 'Demo12345' },
        });
        expect(res.statusCode, a.username).toBe(200);
        expect(res.json().account.mustChangePassword).toBe(false);
        expect(res.json().account.roles).toEqual(a.roles);
      }
    });

    it('locates a point inside any demo small grid to that grid', async () => {
      const cookie = await h.login('admin');
      const grids = (await h.call('GET', '/api/v1/units?kind=grid_small&limit=5000', { cookie })).json().items;
      expect(grids.length).toBe(summary.smallGrids);
      for (const grid of grids.filter((_: unknown, i: number) => i % 25 === 0)) {
        const geometry = (await h.call('GET', `/api/v1/units/${grid.id}/boundary`, { cookie })).json().geometry;
        const [x0, y0, x1, y1] = bbox(geometry);
        let point: [number, number] | null = null;
        for (let i = 1; i < 20 && !point; i++)
          for (let j = 1; j < 20 && !point; j++) {
            const x = x0 + ((x1 - x0) * i) / 20;
            const y = y0 + ((y1 - y0) * j) / 20;
            if (pointInGeometry(geometry, x, y)) point = [x, y];
          }
        expect(point, grid.name).not.toBeNull();
        const res = (await h.call('GET', `/api/v1/grids/locate?lng=${point![0]}&lat=${point![1]}`, { cookie })).json();
        expect(res.grid?.id, grid.name).toBe(grid.id);
        expect(res.ancestors.map((a: { kind: string }) => a.kind)).toEqual([
          'district',
          'subdistrict',
          expect.stringMatching(/community|village/),
          'grid_large',
        ]);
      }
    });

    it('keeps the README’s table of demo accounts in step with the seed', () => {
      const readme = fs.readFileSync('README.md', 'utf8');
      // Cells may be padded (prettier aligns markdown tables).
      for (const a of DEMO_ACCOUNTS) expect(readme).toMatch(new RegExp(`\\| \`${a.username}\` +\\|`));
    });
  });
}
