import type { LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

/* Test support for the farmland route tests: two 街道 with a village each, every village one large and one small grid. */

export const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
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

/** The villages' boundaries (each also its one large and one small grid). */
export const VILLAGES = {
  sunzui: [114.6, 33.6, 114.62, 33.62],
  houwan: [114.6, 33.65, 114.62, 33.67],
} as const;

/** The accounts, each with its role and unit (its data scope). */
export const USERS = {
  leader: ['district_leader', 'district'],
  duchashi: ['supervision_office', 'district'],
  chenzhou: ['subdistrict_staff', 'chenzhou'],
  chengbei: ['subdistrict_staff', 'chengbei'],
  sunzui: ['community_worker', 'sunzui'],
  wgy: ['grid_worker', 'sunzui1'],
  handler: ['unit_handler', 'dept'],
  volunteer: ['volunteer', 'sunzui'],
} as const;
export type User = keyof typeof USERS | 'admin';

export interface FarmlandKit {
  h: Harness;
  ids: Record<string, string>;
  call(who: User, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Imports parcels for a village as `who`. */
  importParcels(who: User, village: string, features: unknown[], crs?: string): Promise<LightMyRequestResponse>;
  /** Reports a case as `who` at a point; returns its id. */
  report(who: User, lng: number, lat: number, categoryCode?: string): Promise<string>;
  count(table: 'farmland_parcels' | 'farmland_cases' | 'farmland_imports' | 'cases'): Promise<number>;
}

export const feature = (kind: string, code: string, geometry: unknown, name?: string) => ({
  type: 'Feature',
  properties: { kind, code, ...(name ? { name } : {}) },
  geometry,
});

export async function openFarmlandKit(tdb: TestDatabase): Promise<FarmlandKit> {
  const h = await openHarness(tdb);
  const cookies: Record<string, string> = { admin: await h.login('admin') };
  const ids: Record<string, string> = { district: h.districtId };
  const call: FarmlandKit['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const mk = async (key: string, parent: string, kind: string, name: string) => {
    const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent], kind, name });
    if (r.statusCode !== 201) throw new Error(`unit ${name}: ${r.body}`);
    ids[key] = r.json().id;
  };
  const boundary = async (parent: string, name: string, b: readonly number[]) => {
    const r = await call('admin', 'POST', `/api/v1/units/${ids[parent]}/boundaries`, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name }, geometry: square(b[0], b[1], b[2], b[3]) }],
    });
    if (r.statusCode >= 300) throw new Error(`boundaries: ${r.body}`);
  };
  await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
  await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
  await mk('dept', 'district', 'department', '川汇区自然资源局');
  for (const [key, sub, name] of [
    ['sunzui', 'chenzhou', '孙嘴行政村'],
    ['houwan', 'chengbei', '后湾行政村'],
  ] as const) {
    await mk(key, sub, 'village', name);
    await mk(`${key}L`, key, 'grid_large', `${name}第1网格`);
    await mk(`${key}1`, `${key}L`, 'grid_small', `${name}第1网格-1`);
    await boundary(sub, name, VILLAGES[key]);
    await boundary(key, `${name}第1网格`, VILLAGES[key]);
    await boundary(`${key}L`, `${name}第1网格-1`, VILLAGES[key]);
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
  return {
    h,
    ids,
    call,
    importParcels: (who, village, features, crs) =>
      call(who, 'POST', `/api/v1/farmland/villages/${ids[village]}/parcels${crs ? `?crs=${crs}` : ''}`, {
        type: 'FeatureCollection',
        features,
      }),
    async report(who, lng, lat, categoryCode = '5201') {
      const r = await call(who, 'POST', '/api/v1/cases', {
        categoryCode,
        description: '疑似违法占用耕地建房',
        location: { lng, lat },
      });
      if (r.statusCode !== 201) throw new Error(`report: ${r.statusCode} ${r.body}`);
      return r.json().id as string;
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
