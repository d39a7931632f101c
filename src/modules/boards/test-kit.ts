import type { LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { solidJpeg } from '../../kernel/files/test-fixtures.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

/* Test support for the board route tests: two 街道, a community each with one small grid. */

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

/** A point inside each community's small grid, and one in no grid. */
export const POINTS = {
  dehua: { lng: 114.605, lat: 33.605 },
  beiguan: { lng: 114.605, lat: 33.655 },
  nowhere: { lng: 114.9, lat: 33.9 },
};

export const USERS = {
  leader: ['district_leader', 'district'],
  duchashi: ['supervision_office', 'district'],
  chenzhou: ['subdistrict_staff', 'chenzhou'],
  chengbei: ['subdistrict_staff', 'chengbei'],
  dehua: ['community_worker', 'dehua'],
  wgy: ['grid_worker', 'dehua1'],
  handler: ['unit_handler', 'dept'],
  volunteer: ['volunteer', 'dehua'],
} as const;
export type User = keyof typeof USERS | 'admin';

export interface BoardKit {
  h: Harness;
  ids: Record<string, string>;
  call(who: User, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  board(who: User, over?: Record<string, unknown>): Promise<string>;
  photo(who: User): Promise<string>;
  count(table: 'boards' | 'board_events'): Promise<number>;
}

export async function openBoardKit(tdb: TestDatabase): Promise<BoardKit> {
  const h = await openHarness(tdb);
  const cookies: Record<string, string> = { admin: await h.login('admin') };
  const ids: Record<string, string> = { district: h.districtId };
  const call: BoardKit['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const mk = async (key: string, parent: string, kind: string, name: string) => {
    const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent], kind, name });
    if (r.statusCode !== 201) throw new Error(`unit ${name}: ${r.body}`);
    ids[key] = r.json().id;
  };
  await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
  await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
  await mk('dept', 'district', 'department', '川汇区城市管理局');
  for (const [key, sub, name, y] of [
    ['dehua', 'chenzhou', '德化社区', 33.6],
    ['beiguan', 'chengbei', '北关社区', 33.65],
  ] as const) {
    await mk(key, sub, 'community', name);
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
    const temp = r.json().temporaryPassword;
    const c = await h.login(username, temp);
    await h.call('POST', '/api/v1/auth/change-password', {
      cookie: c,
      body: { currentPassword: temp, newPassword: 'Passw0rd1' },
    });
    cookies[username] = c;
  }
  let n = 0;
  return {
    h,
    ids,
    call,
    async board(who, over = {}) {
      n++;
      const r = await call(who, 'POST', '/api/v1/boards', {
        kind: 'board',
        name: `德化街宣传栏${n}`,
        location: POINTS.dehua,
        ...over,
      });
      if (r.statusCode !== 201) throw new Error(`board: ${r.statusCode} ${r.body}`);
      return r.json().id as string;
    },
    async photo(who) {
      const boundary = '----board' + Date.now();
      const bytes = await solidJpeg(64, 48).toBuffer();
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="宣传栏.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
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
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
