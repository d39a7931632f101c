import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { dutyModule } from '../../duty/index.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import { starsModule } from '../index.js';

const [sqlite] = testDatabases();

describe('the demo weeks and the 亮赛比 in 刘方平村', () => {
  let h: Harness;
  let summary: Record<string, unknown> | undefined;
  beforeAll(async () => {
    const env = { CIVICGRID_DEMO_PASSWORD: 'Demo12345' };
    h = await openHarness(sqlite!, env);
    const config = loadConfig({ ...env, CIVICGRID_ADMIN_PASSWORD: 'Admin12345', CIVICGRID_DATA_DIR: '/tmp' });
    const ctx = createModuleContext({
      database: h.database,
      clock: h.clock,
      config,
      locator: new LocateService(h.database, h.clock),
    });
    const now = h.clock.now();
    // Duty's demo first, as on the server: 电信 is 德化's 包联 unit, so it may lead 德化's measure.
    await prepareModules([orgModule, dutyModule], ctx, { districtId: h.districtId, now });
    summary = (await starsModule.seedDemo!(ctx, { districtId: h.districtId, now }))?.summary;
  }, 180_000);
  afterAll(async () => h?.close());

  it('shows 陈州 a grid with every status of the last four weeks', async () => {
    expect(summary).toMatchObject({ weekly: 7, amended: 1, evidence: 2, observations: 1 });
    const cookie = await h.login('chenzhou', 'Demo12345');
    const g = (await h.call('GET', '/api/v1/stars/weekly/grid?from=2026-11-02&to=2026-11-30', { cookie })).json();
    const statuses = new Set(g.rows.flatMap((r: { cells: { status: string }[] }) => r.cells.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['late', 'missing', 'pending', 'reported']);
  });

  it('holds the 亮赛比 in 刘方平村 with 33 members present, every visitor scoring every 城南 branch', async () => {
    const cookie = await h.login('admin');
    const [o] = (await h.call('GET', '/api/v1/stars/observations', { cookie })).json().items;
    expect(o).toMatchObject({ hostName: '城南街道办事处', placeName: '刘方平村党支部', attendees: 33, branchCount: 5 });
    const d = (await h.call('GET', `/api/v1/stars/observations/${o.id}`, { cookie })).json();
    expect(d.scored).toBe(d.visitorCount * d.branchCount);
    expect(d.branches.every((b: { average: number }) => b.average >= 0 && b.average <= 100)).toBe(true);
  });
});
