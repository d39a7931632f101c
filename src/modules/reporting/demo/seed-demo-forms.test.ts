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

  it('lists 网格员工作日报 first (the default), reported by every small grid, with three weeks of reports', async () => {
    const cookie = await h.login('chenzhou', 'Demo12345');
    const forms = (await h.call('GET', '/api/v1/report-forms', { cookie })).json().items;
    expect(forms.map((f: { name: string }) => f.name)).toEqual(['网格员工作日报', '疫情防控日报', '创文工作日报']);
    expect(forms[0]).toMatchObject({ reporters: { kind: 'level', unitKind: 'grid_small' }, allowZero: false });
    const r = (
      await h.call('GET', `/api/v1/report-forms/${forms[0].id}/completeness?from=2026-11-09&to=2026-11-29`, { cookie })
    ).json();
    expect(r.expected % 21).toBe(0);
    expect(r.expected).toBeGreaterThan(21 * 6); // more small grids than 陈州's six communities
    expect(r.reportingRate).toBeGreaterThan(0.75);
    expect(r.reportingRate).toBeLessThan(1);
    expect(r.zero).toBe(0);
    // A grid worker can fill it for the grid: the form applies to the worker's own unit.
    const wgy = await h.login('wgy_zhuzhuang', 'Demo12345');
    const me = (await h.call('GET', '/api/v1/auth/me', { cookie: wgy })).json();
    const today = await h.call('POST', `/api/v1/report-forms/${forms[0].id}/submissions`, {
      cookie: wgy,
      body: {
        unitId: me.unitId,
        period: '2026-11-30',
        values: { householdsVisited: 12, issuesFound: 3, issuesFixed: 2, casesReported: 1, disputesSettled: 0 },
      },
    });
    expect(today.statusCode, today.body).toBe(201);
  });

  it('keeps the seed’s 疫情防控日报, by community, with some missing, some late, some zero', async () => {
    const cookie = await h.login('chenzhou', 'Demo12345');
    const forms = (await h.call('GET', '/api/v1/report-forms', { cookie })).json().items;
    const epidemic = forms.find((f: { name: string }) => f.name === '疫情防控日报');
    const r = (
      await h.call('GET', `/api/v1/report-forms/${epidemic.id}/completeness?from=2026-11-09&to=2026-11-29`, { cookie })
    ).json();
    expect(r.expected).toBe(21 * 6); // 陈州 has six communities
    expect(r.reportingRate).toBeGreaterThan(0.75);
    expect(r.reportingRate).toBeLessThan(1);
    expect(r.timeliness).toBeLessThan(r.reportingRate);
    expect(r.zero).toBeGreaterThan(0);
    expect(r.missingTotal).toBe(r.expected - r.submitted);
  });
});
