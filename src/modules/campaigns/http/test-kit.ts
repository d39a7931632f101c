import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { caseRefsUnder, seedDemoCases } from '../../cases/index.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';

/* Test support for the campaigns routes: the demo district's units and accounts (org's demo), the
   demo ledger cases of 德化社区 and 朱庄社区 (陈州街道), and two indicators defined through the API. */

export const DEMO_PASSWORD = 'Demo12345';

export interface CampaignsFixture {
  h: Harness;
  call(
    who: string,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<Harness['call']>;
  units: Record<'dehua' | 'zhuzhuang' | 'chenzhou' | 'chengbei' | 'dianxin' | 'liantong' | 'dehuaGrid', string>;
  /** Demo case ids by community, and which of them are closed. */
  cases: { dehua: string[]; zhuzhuang: string[]; closedInChenzhou: string[] };
  /** Indicator ids: an entered one (份) and a computed one (cases.closed). */
  indicators: { leaflets: string; fixed: string; events: string };
}

export async function openCampaignsFixture(tdb: TestDatabase, users: readonly string[]): Promise<CampaignsFixture> {
  const env = { CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD };
  const h = await openHarness(tdb, env);
  const config = loadConfig({ ...env, CIVICGRID_ADMIN_PASSWORD: 'Admin12345', CIVICGRID_DATA_DIR: '/tmp' });
  const ctx = createModuleContext({
    database: h.database,
    clock: h.clock,
    config,
    locator: new LocateService(h.database, h.clock),
  });
  await prepareModules([orgModule], ctx, { districtId: h.districtId, now: h.clock.now() });
  // The demo cases of 陈州街道, told through the ledger's own commands.
  await seedDemoCases(ctx, h.clock.now());
  const cookies: Record<string, string> = {};
  for (const u of new Set([...users, 'admin', 'duchashi', 'dehua', 'chenzhou', 'dianxin']))
    cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const call: CampaignsFixture['call'] = (who, method, url, body, headers) =>
    h.call(method, url, { cookie: cookies[who], body, headers });
  const db = h.database.db;
  const unit = async (name: string) => (await ctx.org.unitByName(db, config.districtCode, name))!;
  const dehua = await unit('德化社区');
  const zhuzhuang = await unit('朱庄社区');
  const chenzhou = await unit('陈州街道办事处');
  const me = (await call('wgy_dehua', 'GET', '/api/v1/auth/me')).json() as { unitId: string };
  const units = {
    dehua: dehua.id,
    zhuzhuang: zhuzhuang.id,
    chenzhou: chenzhou.id,
    chengbei: (await unit('城北街道办事处')).id,
    dianxin: (await unit('周口电信川汇分公司')).id,
    liantong: (await unit('中国联通周口市分公司')).id,
    dehuaGrid: me.unitId,
  };
  const casesUnder = async (path: string) =>
    (await caseRefsUnder(db, config.districtCode, path)).filter((c) => c.gridPath?.startsWith(path));
  const chenzhouCases = await casesUnder(chenzhou.path);
  const cases = {
    dehua: (await casesUnder(dehua.path)).map((c) => c.id),
    zhuzhuang: (await casesUnder(zhuzhuang.path)).map((c) => c.id),
    closedInChenzhou: chenzhouCases.filter((c) => c.status === 'closed').map((c) => c.id),
  };
  const define = async (body: Record<string, unknown>) => {
    const r = await call('duchashi', 'POST', '/api/v1/indicators', body);
    if (r.statusCode !== 201) throw new Error(`indicator: ${r.body}`);
    return r.json().id as string;
  };
  const indicators = {
    leaflets: await define({
      name: '发放宣传彩页',
      measureUnit: '份',
      kind: 'entered',
      phrase: '发放宣传彩页',
      sortOrder: 20,
    }),
    fixed: await define({
      name: '问题整改数',
      measureUnit: '个',
      kind: 'computed',
      source: 'cases.closed',
      phrase: '完成问题整改',
      sortOrder: 10,
    }),
    events: await define({
      name: '环境卫生整治活动',
      measureUnit: '场',
      kind: 'computed',
      source: 'campaigns.held',
      categories: ['01'],
      phrase: '开展环境卫生整治活动',
      sortOrder: 30,
    }),
  };
  return { h, call, units, cases, indicators };
}
