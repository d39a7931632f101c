import type { LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { solidJpeg } from '../../kernel/files/test-fixtures.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

/*
 * Test support for the "五星"支部 route tests: two 街道, each with an urban community and a village,
 * one party branch under each (four branches), a small grid under each community or village, and an
 * account per role. Keys of `ids`: district, chenzhou, chengbei, dehua / beiguan (urban communities),
 * sunzui / liufangping (villages), `<key>L` / `<key>1` their grids, `<key>B` their branches, dept.
 */

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** Where each branch's community or village lies: [sub-district, kind, name, branch name, y]. */
export const PLACES = {
  dehua: ['chenzhou', 'community', '德化社区', '德化社区党支部', 33.6],
  sunzui: ['chenzhou', 'village', '孙嘴行政村', '孙嘴村党支部', 33.62],
  beiguan: ['chengbei', 'community', '北关社区', '北关社区党支部', 33.65],
  liufangping: ['chengbei', 'village', '刘方平行政村', '刘方平村党支部', 33.67],
} as const;
export type Place = keyof typeof PLACES;

export const USERS = {
  leader: ['district_leader', 'district'],
  duchashi: ['supervision_office', 'district'],
  chenzhou: ['subdistrict_staff', 'chenzhou'],
  chengbei: ['subdistrict_staff', 'chengbei'],
  dehua: ['community_worker', 'dehua'],
  liufangping: ['community_worker', 'liufangping'],
  wgy: ['grid_worker', 'dehua1'],
  handler: ['unit_handler', 'dept'],
  volunteer: ['volunteer', 'dehua'],
} as const;
export type User = keyof typeof USERS | 'admin';

export interface StarsKit {
  h: Harness;
  ids: Record<string, string>;
  /** Account ids by user. */
  accounts: Record<string, string>;
  call(who: User, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Uploads a small photo as `who`; answers the file id. */
  photo(who: User): Promise<string>;
  count(table: string): Promise<number>;
}

export async function openStarsKit(tdb: TestDatabase): Promise<StarsKit> {
  const h = await openHarness(tdb);
  const cookies: Record<string, string> = { admin: await h.login('admin') };
  const ids: Record<string, string> = { district: h.districtId };
  const accounts: Record<string, string> = {};
  const call: StarsKit['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const mk = async (key: string, parent: string, kind: string, name: string) => {
    const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent], kind, name });
    if (r.statusCode !== 201) throw new Error(`unit ${name}: ${r.body}`);
    ids[key] = r.json().id;
  };
  await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
  await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
  await mk('dept', 'district', 'department', '川汇区城市管理局');
  for (const [key, [sub, kind, name, branch, y]] of Object.entries(PLACES)) {
    await mk(key, sub, kind, name);
    await mk(`${key}B`, key, 'party_branch', branch);
    await mk(`${key}L`, key, 'grid_large', `${name}第1网格`);
    await mk(`${key}1`, `${key}L`, 'grid_small', `${name}第1网格-1`);
    const r = await call('admin', 'POST', `/api/v1/units/${ids[`${key}L`]}/boundaries`, {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: `${name}第1网格-1` }, geometry: square(114.6, y, 114.61, y + 0.01) },
      ],
    });
    if (r.statusCode >= 300) throw new Error(`boundaries: ${r.body}`);
  }
  for (const [username, [role, unit]] of Object.entries(USERS)) {
    const r = await call('admin', 'POST', '/api/v1/accounts', {
      username,
      displayName: `${username}（测试）`,
      unitId: ids[unit],
      roles: [role],
    });
    if (r.statusCode !== 201) throw new Error(`account ${username}: ${r.body}`);
    accounts[username] = r.json().id;
    const temp = r.json().temporaryPassword;
    const c = await h.login(username, temp);
    await h.call('POST', '/api/v1/auth/change-password', {
      cookie: c,
      body: { currentPassword: temp, newPassword: 'Passw0rd1' },
    });
    cookies[username] = c;
  }
  return {
    h,
    ids,
    accounts,
    call,
    async photo(who) {
      const boundary = '----stars' + Date.now();
      const bytes = await solidJpeg(64, 48).toBuffer();
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="佐证.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
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
      const r = await h.database.db
        .selectFrom(table as 'star_sets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
