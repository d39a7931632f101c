import type { LightMyRequestResponse } from 'fastify';
import { createEventBus, type EventBus } from '../../kernel/events/events.js';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

/* Test support for the duty route tests: two 街道, three communities with grids, a party branch, a department and 电信. */

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

/** A point inside 德化's first small grid. */
export const IN_DEHUA = { lng: 114.605, lat: 33.605 };

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

export interface DutyKit {
  h: Harness;
  bus: EventBus;
  ids: Record<string, string>;
  /** Account ids by user. */
  accounts: Record<string, string>;
  call(who: User, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  count(table: 'duty_responsibilities' | 'duty_roster_days' | 'duty_gap_reminders'): Promise<number>;
}

export async function openDutyKit(tdb: TestDatabase): Promise<DutyKit> {
  const bus = createEventBus();
  const h = await openHarness(tdb, {}, { events: bus });
  const cookies: Record<string, string> = { admin: await h.login('admin') };
  const ids: Record<string, string> = { district: h.districtId };
  const accounts: Record<string, string> = {};
  const call: DutyKit['call'] = (who, method, url, body) => h.call(method, url, { cookie: cookies[who], body });
  const mk = async (key: string, parent: string, kind: string, name: string) => {
    const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent], kind, name });
    if (r.statusCode !== 201) throw new Error(`unit ${name}: ${r.body}`);
    ids[key] = r.json().id;
  };
  await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
  await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
  await mk('dehua', 'chenzhou', 'community', '德化社区');
  await mk('zhuzhuang', 'chenzhou', 'community', '朱庄社区');
  await mk('beiguan', 'chengbei', 'community', '北关社区');
  await mk('dehuaBranch', 'dehua', 'party_branch', '德化社区党支部');
  await mk('dehuaL', 'dehua', 'grid_large', '德化社区第1网格');
  await mk('dehua1', 'dehuaL', 'grid_small', '德化社区第1网格-1');
  await mk('dehua2', 'dehuaL', 'grid_small', '德化社区第1网格-2');
  await mk('zhuzhuangL', 'zhuzhuang', 'grid_large', '朱庄社区第1网格');
  await mk('zhuzhuang1', 'zhuzhuangL', 'grid_small', '朱庄社区第1网格-1');
  await mk('beiguanL', 'beiguan', 'grid_large', '北关社区第1网格');
  await mk('beiguan1', 'beiguanL', 'grid_small', '北关社区第1网格-1');
  await mk('dept', 'district', 'department', '川汇区城市管理局');
  await mk('telecom', 'district', 'outside_unit', '周口电信川汇分公司');
  const b = await call('admin', 'POST', `/api/v1/units/${ids.dehuaL}/boundaries`, {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '德化社区第1网格-1' }, geometry: square(114.6, 33.6, 114.61, 33.61) },
      { type: 'Feature', properties: { name: '德化社区第1网格-2' }, geometry: square(114.61, 33.6, 114.62, 33.61) },
    ],
  });
  if (b.statusCode >= 300) throw new Error(`boundaries: ${b.body}`);
  for (const [username, [role, unit]] of Object.entries(USERS)) {
    const r = await call('admin', 'POST', '/api/v1/accounts', {
      username,
      displayName: `${username}（测试）`,
      unitId: ids[unit],
      roles: [role],
    });
    if (r.statusCode !== 201) throw new Error(`account ${username}: ${r.body}`);
    accounts[username] = r.json().account.id;
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
    bus,
    ids,
    accounts,
    call,
    async count(table) {
      const r = await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
