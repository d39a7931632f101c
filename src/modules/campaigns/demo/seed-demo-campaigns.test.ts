import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { seedDemoCases } from '../../cases/index.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import { campaignsModule } from '../index.js';

const [sqlite] = testDatabases();

describe('the demo campaigns and indicators', () => {
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
    await prepareModules([orgModule], ctx, { districtId: h.districtId, now });
    await seedDemoCases(ctx, now);
    summary = (await campaignsModule.seedDemo!(ctx, { districtId: h.districtId, now }))?.summary;
  }, 180_000);
  afterAll(async () => h?.close());

  it('tells the seed’s sentence for 陈州街道 from its records', async () => {
    expect(summary).toMatchObject({ indicators: 11 });
    const cookie = await h.login('chenzhou', 'Demo12345');
    const a = (await h.call('GET', '/api/v1/indicators/achievements?from=2026-10-01&to=2026-11-30', { cookie })).json();
    expect(a.sentence).toMatch(
      /^完成问题整改\d+个，更换小区“创文”宣传牌\d+处，开展大小环境卫生整治活动\d+场，发放“创文”宣传彩页\d+份/,
    );
    for (const f of a.figures) {
      const r = (
        await h.call('GET', `/api/v1/indicators/${f.indicatorId}/records?from=2026-10-01&to=2026-11-30`, { cookie })
      ).json();
      expect(r.items.reduce((s: number, i: { quantity: number }) => s + i.quantity, 0)).toBeCloseTo(f.value, 2);
    }
  });

  it('expresses the overhead-cable campaign: four companies dispatched, metres, poles and boxes', async () => {
    const cookie = await h.login('dianxin', 'Demo12345');
    const list = (await h.call('GET', '/api/v1/campaigns', { cookie })).json().items;
    const cable = list.find((c: { title: string }) => c.title.includes('空中线缆'));
    const d = (await h.call('GET', `/api/v1/campaigns/${cable.id}`, { cookie })).json();
    expect(
      d.units
        .filter((u: { role: string }) => u.role === 'paired')
        .map((u: { unitName: string }) => u.unitName)
        .sort(),
    ).toEqual(['中国移动周口分公司', '中国联通周口市分公司', '周口电信川汇分公司', '国网周口供电公司'].sort());
    expect(d.quantities.map((q: { measureUnit: string }) => q.measureUnit)).toEqual(['米', '根', '个']);
  });
});
