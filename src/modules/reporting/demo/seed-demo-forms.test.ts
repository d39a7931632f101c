import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoForms } from './seed-demo-forms.js';

describe('demo report forms', () => {
  const tdb = testDatabases()[0];
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(tdb);
    const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
    await seedDemoDistrict(h.database, config, h.clock, h.districtId);
    await seedDemoForms(
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

  it('has the seed’s two daily forms with three weeks of reports, some missing, some late, some zero', async () => {
    const cookie = await h.login('chenzhou', 'Demo12345');
    const forms = (await h.call('GET', '/api/v1/report-forms', { cookie })).json().items;
    expect(forms.map((f: { name: string }) => f.name)).toEqual(['疫情防控日报', '创文工作日报']);
    const r = (
      await h.call('GET', `/api/v1/report-forms/${forms[0].id}/completeness?from=2026-11-09&to=2026-11-29`, { cookie })
    ).json();
    expect(r.expected).toBe(21 * 6); // 陈州 has six communities
    expect(r.reportingRate).toBeGreaterThan(0.75);
    expect(r.reportingRate).toBeLessThan(1);
    expect(r.timeliness).toBeLessThan(r.reportingRate);
    expect(r.zero).toBeGreaterThan(0);
    expect(r.missing.length).toBe(r.expected - r.submitted);
  });
});
