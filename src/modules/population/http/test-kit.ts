import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import { seededRandom } from '../../../kernel/demo/synthetic-names.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import { pointInGrid } from '../demo/seed-demo-population.js';
import { idCheckChar } from '../domain/id-number.js';

export const DEMO_PASSWORD = 'Demo12345';

/** A valid ID number of a person born on `ymd` (YYYYMMDD) in 川汇区, with a sequence of choice. */
export function testIdNumber(ymd: string, seq: number): string {
  const body = `411602${ymd}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export interface PopulationFixture {
  h: Harness;
  cookies: Record<string, string>;
  call(
    who: string,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<Harness['call']>;
  /** The first small grids of 德化社区 (the first is wgy_dehua's) and of 朱庄社区 (wgy_zhuzhuang's). */
  grids: { dehua: { id: string; geometry: string }[]; zhuzhuang: { id: string; geometry: string }[] };
  units: Record<'dehua' | 'zhuzhuang' | 'chenzhou' | 'chengbei', { id: string; path: string }>;
  /** A point inside a grid. */
  pointIn(grid: { id: string; geometry: string }): Promise<{ lng: number; lat: number }>;
}

/**
 * The demo district's units and accounts (org's demo only: the people and places are the test's
 * own), with every demo account logged in.
 */
export async function openPopulationFixture(tdb: TestDatabase, users: readonly string[]): Promise<PopulationFixture> {
  const env = { CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD };
  const h = await openHarness(tdb, env);
  const config = loadConfig({
    ...env,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-pop-')),
  });
  const ctx = createModuleContext({
    database: h.database,
    clock: h.clock,
    config,
    locator: new LocateService(h.database, h.clock),
  });
  await prepareModules([orgModule], ctx, { districtId: h.districtId, now: h.clock.now() });
  const cookies: Record<string, string> = {};
  for (const u of users) cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const db = h.database.db;
  const unit = async (name: string) => (await ctx.org.unitByName(db, config.districtCode, name))!;
  const units = {
    dehua: await unit('德化社区'),
    zhuzhuang: await unit('朱庄社区'),
    chenzhou: await unit('陈州街道办事处'),
    chengbei: await unit('城北街道办事处'),
  };
  const grids = {
    dehua: await ctx.org.gridsWithBoundaries(db, units.dehua.path),
    zhuzhuang: await ctx.org.gridsWithBoundaries(db, units.zhuzhuang.path),
  };
  const rnd = seededRandom(42);
  const deps = { database: h.database, clock: h.clock, org: ctx.org, timeZone: config.timeZone };
  return {
    h,
    cookies,
    call: (who, method, url, body, headers) => h.call(method, url, { cookie: cookies[who], body, headers }),
    grids,
    units,
    async pointIn(grid) {
      const p = await pointInGrid(deps, db, grid, rnd);
      if (!p) throw new Error(`no point found in grid ${grid.id}`);
      return p;
    },
  };
}
