import type { LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { solidJpeg } from '../../kernel/files/test-fixtures.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

/* Test support for the venue route tests: a small district with two 街道, three communities and their grids. */

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

/** A point inside each small grid, and one in no grid. */
export const POINTS = {
  dehua1: { lng: 114.605, lat: 33.605 },
  dehua2: { lng: 114.615, lat: 33.605 },
  zhuzhuang: { lng: 114.625, lat: 33.605 },
  beiguan: { lng: 114.605, lat: 33.655 },
  nowhere: { lng: 114.9, lat: 33.9 },
};

/** The accounts, each with its roles and unit (its data scope). */
export const USERS = {
  leader: ['district_leader', 'district'],
  duchashi: ['supervision_office', 'district'],
  chenzhou: ['subdistrict_staff', 'chenzhou'],
  chengbei: ['subdistrict_staff', 'chengbei'],
  dehua: ['community_worker', 'dehua'],
  zhuzhuang: ['community_worker', 'zhuzhuang'],
  wgy: ['grid_worker', 'dehua1'],
  handler: ['unit_handler', 'dept'],
  volunteer: ['volunteer', 'dehua'],
} as const;
export type User = keyof typeof USERS | 'admin';

export interface VenueKit {
  h: Harness;
  ids: Record<string, string>;
  call(
    who: User,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Registers a venue as `who` and returns its id (fails the test otherwise). */
  venue(who: User, over?: Record<string, unknown>): Promise<string>;
  /** Uploads a small JPEG as `who`; returns the file id. */
  photo(who: User): Promise<string>;
  /** Posts one file as multipart field "file" to `url`, as `who`. */
  upload(who: User, url: string, fileName: string, mediaType: string, bytes: Buffer): Promise<LightMyRequestResponse>;
  /** Findings for every default checklist item: pass unless listed. */
  findings(fail?: string[], na?: string[]): { code: string; result: string }[];
  count(table: 'venues' | 'venue_inspections' | 'venue_closures' | 'cases' | 'idempotency_keys'): Promise<number>;
}

export const CHECK_CODES = ['scan', 'temperature', 'mask', 'disinfection', 'ventilation'];

export async function openVenueKit(tdb: TestDatabase): Promise<VenueKit> {
  const h = await openHarness(tdb);
  const cookies: Record<string, string> = { admin: await h.login('admin') };
  const ids: Record<string, string> = { district: h.districtId };
  const call: VenueKit['call'] = (who, method, url, body, headers) =>
    h.call(method, url, { cookie: cookies[who], body, headers });
  const upload: VenueKit['upload'] = (who, url, fileName, mediaType, bytes) => {
    const boundary = '----venue' + Date.now();
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return h.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: cookies[who],
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'sec-fetch-site': 'same-origin',
      },
      payload,
    });
  };
  const mk = async (key: string, parent: string, kind: string, name: string) => {
    const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent], kind, name });
    if (r.statusCode !== 201) throw new Error(`unit ${name}: ${r.body}`);
    ids[key] = r.json().id;
  };
  const boundaries = async (large: string, features: [string, ReturnType<typeof square>][]) => {
    const r = await call('admin', 'POST', `/api/v1/units/${ids[large]}/boundaries`, {
      type: 'FeatureCollection',
      features: features.map(([name, geometry]) => ({ type: 'Feature', properties: { name }, geometry })),
    });
    if (r.statusCode >= 300) throw new Error(`boundaries: ${r.body}`);
  };
  await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
  await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
  await mk('dehua', 'chenzhou', 'community', '德化社区');
  await mk('zhuzhuang', 'chenzhou', 'community', '朱庄社区');
  await mk('beiguan', 'chengbei', 'community', '北关社区');
  await mk('dehuaL', 'dehua', 'grid_large', '德化社区第1网格');
  await mk('dehua1', 'dehuaL', 'grid_small', '德化社区第1网格-1');
  await mk('dehua2', 'dehuaL', 'grid_small', '德化社区第1网格-2');
  await mk('zhuzhuangL', 'zhuzhuang', 'grid_large', '朱庄社区第1网格');
  await mk('zhuzhuang1', 'zhuzhuangL', 'grid_small', '朱庄社区第1网格-1');
  await mk('beiguanL', 'beiguan', 'grid_large', '北关社区第1网格');
  await mk('beiguan1', 'beiguanL', 'grid_small', '北关社区第1网格-1');
  await mk('dept', 'district', 'department', '川汇区卫生健康委员会');
  await boundaries('dehuaL', [
    ['德化社区第1网格-1', square(114.6, 33.6, 114.61, 33.61)],
    ['德化社区第1网格-2', square(114.61, 33.6, 114.62, 33.61)],
  ]);
  await boundaries('zhuzhuangL', [['朱庄社区第1网格-1', square(114.62, 33.6, 114.63, 33.61)]]);
  await boundaries('beiguanL', [['北关社区第1网格-1', square(114.6, 33.65, 114.61, 33.66)]]);
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
    async venue(who, over = {}) {
      n++;
      const r = await call(who, 'POST', '/api/v1/venues', {
        name: `德化街第${n}超市`,
        typeCode: 'supermarket',
        address: `德化街${n}号`,
        ownerName: '王建国',
        ownerPhone: '13812341234',
        location: POINTS.dehua1,
        ...over,
      });
      if (r.statusCode !== 201) throw new Error(`venue: ${r.statusCode} ${r.body}`);
      return r.json().id as string;
    },
    async photo(who) {
      const up = await upload(who, '/api/v1/files', '现场.jpg', 'image/jpeg', await solidJpeg(64, 48).toBuffer());
      if (up.statusCode !== 201) throw new Error(`upload: ${up.body}`);
      return up.json().id as string;
    },
    upload,
    findings(fail = [], na = []) {
      return CHECK_CODES.map((code) => ({
        code,
        result: fail.includes(code) ? 'fail' : na.includes(code) ? 'na' : 'pass',
      }));
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
