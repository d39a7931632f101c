import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import { solidJpeg } from '../../../kernel/files/test-fixtures.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import type { ModuleContext } from '../../module.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';

/* Test support for the weekly, observation and evidence routes: the demo district's units, party
   branches and accounts (org's demo); the clock starts Mon 2026-11-30 10:00 in Shanghai. */

export const DEMO_PASSWORD = 'Demo12345';

export const BRANCHES = {
  dehua: '德化社区党支部',
  zhuzhuang: '朱庄社区党支部',
  gucheng: '古城社区党支部',
  beiguan: '北关社区党支部',
  liufangping: '刘方平村党支部',
} as const;

export interface CycleFixture {
  h: Harness;
  ctx: ModuleContext;
  call(who: string, method: string, url: string, body?: unknown): ReturnType<Harness['call']>;
  units: Record<'chenzhou' | 'chengbei' | 'chengnan' | 'dehua', string>;
  branches: Record<keyof typeof BRANCHES, string>;
  accounts: Record<string, string>;
  photo(who: string): Promise<string>;
  /** A fresh session (after the clock jumped past the old one's life). */
  relogin(who: string): Promise<void>;
  count(
    table:
      | 'star_weekly_reports'
      | 'star_weekly_revisions'
      | 'star_observations'
      | 'star_observation_scores'
      | 'star_evidence',
  ): Promise<number>;
}

export async function openCycleFixture(tdb: TestDatabase, users: readonly string[]): Promise<CycleFixture> {
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
  for (const u of new Set([...users, 'admin', 'chenzhou', 'dehua']))
    cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const call: CycleFixture['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const db = h.database.db;
  const unit = async (name: string) => {
    const u = await ctx.org.unitByName(db, config.districtCode, name);
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  const branches = Object.fromEntries(
    await Promise.all(Object.entries(BRANCHES).map(async ([k, name]) => [k, await unit(name)] as const)),
  ) as CycleFixture['branches'];
  const accounts: Record<string, string> = {};
  for (const u of new Set([...users, 'leader']))
    if (u !== 'admin') accounts[u] = (await ctx.org.actorFor(db, u)).accountId;
  return {
    h,
    ctx,
    call,
    units: {
      chenzhou: await unit('陈州街道办事处'),
      chengbei: await unit('城北街道办事处'),
      chengnan: await unit('城南街道办事处'),
      dehua: await unit('德化社区'),
    },
    branches,
    accounts,
    async relogin(who) {
      cookies[who] = await h.login(who, who === 'admin' ? undefined : DEMO_PASSWORD);
    },
    async photo(who) {
      const boundary = '----cycle' + Date.now();
      const bytes = await solidJpeg(64, 48).toBuffer();
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="周报.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie: cookies[who],
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload,
      });
      if (up.statusCode !== 201) throw new Error(`upload: ${up.body}`);
      return up.json().id as string;
    },
    async count(table) {
      const r = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
