import sharp from 'sharp';
import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';

/* Test support for the battle-map and team routes: the demo district's units and accounts (org's
   demo). The harness clock reads 2026-11-30 10:00 in Shanghai, so the year is 2026. */

export const DEMO_PASSWORD = 'Demo12345';
export const YEAR = 2026;

type UnitKey = 'dehuaBranch' | 'zhuzhuangBranch' | 'chengbeiBranch' | 'dehua' | 'zhuzhuang' | 'dianxin';

export interface PlansFixture {
  h: Harness;
  call(who: string, method: string, url: string, body?: unknown): ReturnType<Harness['call']>;
  units: Record<UnitKey, string>;
  /** Small grids of 德化社区 and 朱庄社区. */
  grids: { dehua: string[]; zhuzhuang: string[] };
  accounts: Record<string, string>;
  /** Uploads a small JPEG as `who`; answers the file id. */
  upload(who: string): Promise<string>;
}

export async function openPlansFixture(tdb: TestDatabase, users: readonly string[]): Promise<PlansFixture> {
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
  const cookies: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  for (const u of new Set([...users, 'admin', 'dehua', 'chenzhou', 'zhuzhuang'])) {
    cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
    accounts[u] = (await ctx.org.actorFor(h.database.db, u)).accountId;
  }
  const call: PlansFixture['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const db = h.database.db;
  const unit = async (name: string) => (await ctx.org.unitByName(db, config.districtCode, name))!;
  const dehua = await unit('德化社区');
  const zhuzhuang = await unit('朱庄社区');
  const small = async (path: string) =>
    (await ctx.org.unitsUnder(db, config.districtCode, path, { kind: 'grid_small' })).map((g) => g.id);
  const units = {
    dehuaBranch: (await unit('德化社区党支部')).id,
    zhuzhuangBranch: (await unit('朱庄社区党支部')).id,
    chengbeiBranch: (await unit('北关社区党支部')).id,
    dehua: dehua.id,
    zhuzhuang: zhuzhuang.id,
    dianxin: (await unit('周口电信川汇分公司')).id,
  };
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();
  const upload = async (who: string) => {
    const boundary = '----cg' + Date.now();
    const up = await h.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: {
        cookie: cookies[who],
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'sec-fetch-site': 'same-origin',
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="销号.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        jpeg,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    if (up.statusCode !== 201) throw new Error(`upload: ${up.body}`);
    return up.json().id as string;
  };
  return {
    h,
    call,
    units,
    grids: { dehua: await small(dehua.path), zhuzhuang: await small(zhuzhuang.path) },
    accounts,
    upload,
  };
}
