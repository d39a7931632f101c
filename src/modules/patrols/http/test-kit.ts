import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { bbox } from '../../../kernel/geo/geojson.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import type { PatrolsDeps } from '../deps.js';

/* Test support for the patrol route tests: the demo district's units and accounts (org's demo), the
   grids of 德化社区 (wgy_dehua's and another) and of 朱庄社区, a village, and points inside and far
   outside wgy_dehua's grid. The harness's clock: 2026-11-30 10:00 in Shanghai. */

export const DEMO_PASSWORD = 'Demo12345';

export interface PatrolsFixture {
  h: Harness;
  deps: PatrolsDeps;
  call(
    who: string,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<Harness['call']>;
  ids: Record<string, string>;
  units: Record<'dehua' | 'zhuzhuang' | 'chenzhou' | 'chengbei', string>;
  /** wgy_dehua's small grid, another small grid of 德化, wgy_zhuzhuang's grid, a village (孙嘴). */
  grids: { dehua1: string; dehua2: string; zhuzhuang: string; village: string };
  /** A point in the middle of wgy_dehua's grid, and one about 5 km away. */
  inside: { lng: number; lat: number };
  far: { lng: number; lat: number };
}

export async function openPatrolsFixture(tdb: TestDatabase, users: readonly string[]): Promise<PatrolsFixture> {
  const env = { CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD };
  const h = await openHarness(tdb, env);
  const config = loadConfig({
    ...env,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-patrols-')),
  });
  const ctx = createModuleContext({
    database: h.database,
    clock: h.clock,
    config,
    locator: new LocateService(h.database, h.clock),
  });
  await prepareModules([orgModule], ctx, { districtId: h.districtId, now: h.clock.now() });
  const cookies: Record<string, string> = {};
  for (const u of new Set([...users, 'admin', 'dehua', 'wgy_dehua', 'wgy_zhuzhuang']))
    cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const call: PatrolsFixture['call'] = (who, method, url, body, headers) =>
    h.call(method, url, { cookie: cookies[who], body, headers });
  const ids: Record<string, string> = {};
  const me: Record<string, { id: string; unitId: string }> = {};
  for (const u of Object.keys(cookies)) {
    me[u] = (await call(u, 'GET', '/api/v1/auth/me')).json();
    ids[u] = me[u]!.id;
  }
  const db = h.database.db;
  const unit = async (name: string) => (await ctx.org.unitByName(db, config.districtCode, name))!;
  const units = {
    dehua: (await unit('德化社区')).id,
    zhuzhuang: (await unit('朱庄社区')).id,
    chenzhou: (await unit('陈州街道办事处')).id,
    chengbei: (await unit('城北街道办事处')).id,
  };
  const dehuaGrids = (
    await ctx.org.unitsUnder(db, config.districtCode, (await unit('德化社区')).path, { kind: 'grid_small' })
  )
    .map((g) => g.id)
    .filter((id) => id !== me.wgy_dehua!.unitId);
  const village = await unit('孙嘴行政村');
  const b = (await ctx.org.boundary(db, me.wgy_dehua!.unitId))!;
  const [w, s, e, n] = bbox(JSON.parse(b.geometry) as BoundaryGeometry);
  return {
    h,
    deps: { database: h.database, clock: h.clock, config, org: ctx.org },
    call,
    ids,
    units,
    grids: {
      dehua1: me.wgy_dehua!.unitId,
      dehua2: dehuaGrids[0]!,
      zhuzhuang: me.wgy_zhuzhuang!.unitId,
      village: village.id,
    },
    inside: { lng: (w + e) / 2, lat: (s + n) / 2 },
    far: { lng: (w + e) / 2 + 0.05, lat: (s + n) / 2 + 0.03 },
  };
}

/** `n` points walked north from `from`, one every 20 s starting at `start`. */
export function walk(from: { lng: number; lat: number }, start: string, n: number, stepDeg = 0.0001) {
  return Array.from({ length: n }, (_, i) => ({
    lng: from.lng + (i % 2 ? 0.00003 : 0),
    lat: from.lat + i * stepDeg,
    at: new Date(Date.parse(start) + i * 20_000).toISOString(),
  }));
}
