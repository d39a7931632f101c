import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../kernel/config.js';
import type { TestDatabase } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import type { MeasuresDeps } from '../deps.js';

/* Test support for the measures route tests: the demo district's units and accounts (org's demo),
   a few residents of 德化社区 and 朱庄社区 registered through the API, and a second police officer and
   doctor who own nothing (the non-owners of the authorization matrix). */

export const DEMO_PASSWORD = 'Demo12345';
const OTHER_PASSWORD = 'Another2026x';

export interface MeasuresFixture {
  h: Harness;
  deps: MeasuresDeps;
  call(
    who: string,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<Harness['call']>;
  /** Account ids by username (demo accounts plus minjing2 and yisheng2). */
  ids: Record<string, string>;
  units: Record<'dehua' | 'zhuzhuang' | 'chenzhou' | 'chengbei', string>;
  /** Signs everyone in again (after the test moves the clock past the sessions' life). */
  relogin(): Promise<void>;
  /** Residents: two in 德化社区 (wgy_dehua's grid), one in 朱庄社区. */
  residents: { dehua1: string; dehua2: string; zhuzhuang: string };
}

/** A valid GB 11643 ID number (川汇区, born on `ymd`, sequence `seq`). */
export function idNumber(ymd: string, seq: number): string {
  const body = `411602${ymd}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

export async function openMeasuresFixture(tdb: TestDatabase, users: readonly string[]): Promise<MeasuresFixture> {
  const env = { CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD };
  const h = await openHarness(tdb, env);
  const config = loadConfig({
    ...env,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-measures-')),
  });
  const ctx = createModuleContext({
    database: h.database,
    clock: h.clock,
    config,
    locator: new LocateService(h.database, h.clock),
  });
  await prepareModules([orgModule], ctx, { districtId: h.districtId, now: h.clock.now() });
  const cookies: Record<string, string> = {};
  for (const u of new Set([...users, 'admin', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang']))
    if (u !== 'minjing2' && u !== 'yisheng2') cookies[u] = await h.login(u, u === 'admin' ? undefined : DEMO_PASSWORD);
  const call: MeasuresFixture['call'] = (who, method, url, body, headers) =>
    h.call(method, url, { cookie: cookies[who], body, headers });
  const db = h.database.db;
  const unit = async (name: string) => (await ctx.org.unitByName(db, config.districtCode, name))!.id;
  const units = {
    dehua: await unit('德化社区'),
    zhuzhuang: await unit('朱庄社区'),
    chenzhou: await unit('陈州街道办事处'),
    chengbei: await unit('城北街道办事处'),
  };
  // A police officer and a doctor of the same station and clinic who own no measure.
  for (const [username, role, like] of [
    ['minjing2', 'police_officer', 'minjing'],
    ['yisheng2', 'doctor', 'yisheng'],
  ] as const) {
    const me = (await h.call('GET', '/api/v1/auth/me', { cookie: await h.login(like, DEMO_PASSWORD) })).json();
    const created = await call('admin', 'POST', '/api/v1/accounts', {
      username,
      displayName: `${username}（测试）`,
      unitId: me.unitId,
      roles: [role],
    });
    if (created.statusCode !== 201) throw new Error(`account ${username}: ${created.body}`);
    const temp = created.json().temporaryPassword as string;
    const c = await h.login(username, temp);
    await h.call('POST', '/api/v1/auth/change-password', {
      cookie: c,
      body: { currentPassword: temp, newPassword: OTHER_PASSWORD },
    });
    cookies[username] = await h.login(username, OTHER_PASSWORD);
  }
  const ids: Record<string, string> = {};
  for (const u of Object.keys(cookies)) ids[u] = (await call(u, 'GET', '/api/v1/auth/me')).json().id;
  for (const u of ['chenzhou', 'chengbei', 'minjing', 'yisheng'])
    if (!ids[u]) {
      cookies[u] = await h.login(u, DEMO_PASSWORD);
      ids[u] = (await call(u, 'GET', '/api/v1/auth/me')).json().id;
    }

  const resident = async (who: 'dehua' | 'zhuzhuang', worker: string, name: string, id: string) => {
    const grid = (await call(worker, 'GET', '/api/v1/auth/me')).json().unitId;
    const hh = await call(who, 'POST', '/api/v1/households', { address: `${name}家`, gridId: grid });
    if (hh.statusCode !== 201) throw new Error(`household: ${hh.body}`);
    const r = await call(who, 'POST', '/api/v1/residents', {
      name,
      idNumber: id,
      householdId: hh.json().id,
      residenceKind: 'registered',
    });
    if (r.statusCode !== 201) throw new Error(`resident: ${r.body}`);
    return r.json().resident.id as string;
  };
  const residents = {
    dehua1: await resident('dehua', 'wgy_dehua', '孟凡青', idNumber('19800312', 101)),
    dehua2: await resident('dehua', 'wgy_dehua', '韩秀英', idNumber('19650723', 202)),
    zhuzhuang: await resident('zhuzhuang', 'wgy_zhuzhuang', '郭建国', idNumber('19721105', 303)),
  };
  const passwords = (u: string) =>
    u === 'admin' ? undefined : u === 'minjing2' || u === 'yisheng2' ? OTHER_PASSWORD : DEMO_PASSWORD;
  const relogin = async () => {
    for (const u of Object.keys(cookies)) cookies[u] = await h.login(u, passwords(u));
  };
  return {
    h,
    relogin,
    deps: { database: h.database, clock: h.clock, config, org: ctx.org },
    call,
    ids,
    units,
    residents,
  };
}

/** The four owners of a 德化 (or 朱庄) resident's measure, as the start body names them. */
export const ownersFor = (f: MeasuresFixture, community: 'dehua' | 'zhuzhuang') => ({
  subdistrict: f.ids.chenzhou!,
  community: f.ids[community]!,
  police: f.ids.minjing!,
  doctor: f.ids.yisheng!,
});
