import { bbox, type BoundaryGeometry } from '../kernel/geo/geojson.js';
import type { TestDatabase } from '../kernel/db/test-databases.js';
import { prepareModules } from '../kernel/modules/descriptor.js';
import { openHarness, type Harness } from './harness.js';
import { orgModule } from '../modules/org/index.js';
import type { ModuleContext } from '../modules/module.js';

/* Test support for tests across modules (the insights figures, the 工作台's work items …): the demo
   district's units and accounts (org's demo), a point inside the small grid of wgy_dehua (德化社区,
   陈州街道) and of wgy_zhuzhuang (朱庄社区), and a way to report a case there. The harness's clock:
   2026-11-30 10:00 in Shanghai. */

export const DEMO_PASSWORD = 'Demo12345';

export interface DemoDistrict {
  h: Harness;
  ctx: ModuleContext;
  call(who: string, method: string, url: string, body?: unknown): ReturnType<Harness['call']>;
  /** Each logged-in account's id and unit. */
  me: Record<string, { id: string; unitId: string }>;
  /** 德化 and 朱庄 lie in 陈州. */
  units: Record<'district' | 'chengbei' | 'chenzhou' | 'dehua' | 'zhuzhuang', string>;
  /** A point inside wgy_dehua's grid and one inside wgy_zhuzhuang's. */
  points: { dehua: { lng: number; lat: number }; zhuzhuang: { lng: number; lat: number } };
  /** Reports a case as `who` at a point (category 0101), answering its id. */
  report(who: string, at: { lng: number; lat: number }): Promise<string>;
}

export async function openDemoDistrict(tdb: TestDatabase, users: readonly string[]): Promise<DemoDistrict> {
  const h = await openHarness(tdb, { CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD });
  const ctx = h.context;
  await prepareModules([orgModule], ctx, { districtId: h.districtId, now: h.clock.now() });
  const cookies: Record<string, string> = {};
  for (const u of new Set([...users, 'admin', 'wgy_dehua', 'wgy_zhuzhuang']))
    cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const call: DemoDistrict['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const me: DemoDistrict['me'] = {};
  for (const u of Object.keys(cookies)) me[u] = (await call(u, 'GET', '/api/v1/auth/me')).json();
  const db = h.database.db;
  const code = ctx.config.districtCode;
  const unit = async (name: string) => (await ctx.org.unitByName(db, code, name))!.id;
  const centre = async (gridId: string) => {
    const [w, s, e, n] = bbox(JSON.parse((await ctx.org.boundary(db, gridId))!.geometry) as BoundaryGeometry);
    return { lng: (w + e) / 2, lat: (s + n) / 2 };
  };
  return {
    h,
    ctx,
    call,
    me,
    units: {
      district: h.districtId,
      chengbei: await unit('城北街道办事处'),
      chenzhou: await unit('陈州街道办事处'),
      dehua: await unit('德化社区'),
      zhuzhuang: await unit('朱庄社区'),
    },
    points: { dehua: await centre(me.wgy_dehua!.unitId), zhuzhuang: await centre(me.wgy_zhuzhuang!.unitId) },
    async report(who, at) {
      const r = await call(who, 'POST', '/api/v1/cases', {
        categoryCode: '0101',
        description: '测试问题',
        location: at,
      });
      if (r.statusCode !== 201) throw new Error(`report failed: ${r.statusCode} ${r.body}`);
      return (r.json() as { id: string }).id;
    },
  };
}
