import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, testIdNumber, type PopulationFixture } from '../../population/http/test-kit.js';
import { checkSheet, FIELDS, multipart } from './test-kit.js';

/**
 * Who may do what with a 返乡人员排查 opened by 陈州街道 (over 德化 and 朱庄), written out by hand from
 * SPEC §1 and §6 rather than read from the role table: the permission a role has (or not: 403), and
 * whether the record lies in its scope (or not: 404, or 422 naming the grid it gives).
 */
const USERS = [
  'admin',
  'leader',
  'duchashi',
  'tianwei',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'wgy_zhuzhuang',
  'dianxin',
  'jiandu',
  'zhiyuanzhe',
] as const;
type User = (typeof USERS)[number];

const READ: User[] = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'wgy_zhuzhuang',
];
const WRITE: User[] = ['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'];
const MANAGE: User[] = ['admin', 'duchashi', 'chenzhou', 'chengbei'];
/** Who sees the campaign: opened in their scope, or covering their unit (城北 neither). */
const SEES_CAMPAIGN: User[] = READ.filter((u) => u !== 'chengbei');
/** Whose scope holds the campaign's unit (陈州街道) as a whole. */
const HOLDS_CAMPAIGN: User[] = ['admin', 'leader', 'duchashi', 'chenzhou'];
/** Whose scope holds 德化社区 (the owner of the 协查 items), and the worker's grid in it. */
const COVERS_COMMUNITY: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua'];
const COVERS_GRID: User[] = [...COVERS_COMMUNITY, 'wgy_dehua'];

const expected = (u: User, perm: User[], scope: User[], ok: number, outside: number) =>
  !perm.includes(u) ? 403 : scope.includes(u) ? ok : outside;

for (const tdb of testDatabases()) {
  describe(`screening: who may do what (${tdb.name})`, () => {
    let f: PopulationFixture;
    const ids = { grid: '', campaign: '', entry: '', purged: '' };
    const checks: string[] = [];
    const reroutable: string[] = [];
    const closed: string[] = [];
    let seq = 100;
    const upload = (who: string, campaign: string, file: Buffer) => {
      const m = multipart(file);
      return f.h.app.inject({
        method: 'POST',
        url: `/api/v1/screening-campaigns/${campaign}/checks/import`,
        headers: { cookie: f.cookies[who], 'content-type': m.type, 'sec-fetch-site': 'same-origin' },
        payload: m.payload,
      });
    };
    const campaignBody = () => ({
      name: '返乡人员排查',
      scopeUnitId: f.units.chenzhou.id,
      startsOn: '2026-11-25',
      endsOn: '2026-12-31',
      fields: FIELDS,
    });
    const values = { origin: '郑州市', arrivalDate: '2026-11-28' };

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      ids.grid = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitId;
      ids.campaign = (await f.call('chenzhou', 'POST', '/api/v1/screening-campaigns', campaignBody())).json().id;
      ids.entry = (
        await f.call('wgy_dehua', 'POST', `/api/v1/screening-campaigns/${ids.campaign}/entries`, {
          name: '冯桂兰',
          idNumber: testIdNumber('19480910', 222),
          phone: '13600003333',
          gridId: ids.grid,
          values,
        })
      ).json().entry.id;
      // Two 协查 items owned by 德化 for each user: one to answer, one to re-route.
      const rows = USERS.flatMap((_, i) => [
        [`甲${i}`, testIdNumber('19700101', 300 + i), null, null, '德化社区', null],
        [`乙${i}`, testIdNumber('19700102', 300 + i), null, null, '德化社区', null],
      ]);
      expect((await upload('chenzhou', ids.campaign, await checkSheet(rows))).statusCode).toBe(201);
      const items = (
        await f.call('chenzhou', 'GET', `/api/v1/screening-campaigns/${ids.campaign}/checks?limit=200`)
      ).json().items as { id: string; name: string }[];
      for (let i = 0; i < USERS.length; i++) {
        checks.push(items.find((c) => c.name === `甲${i}`)!.id);
        reroutable.push(items.find((c) => c.name === `乙${i}`)!.id);
      }
      // A closed campaign for each user to purge, and one purged already.
      for (let i = 0; i <= USERS.length; i++) {
        const id = (await f.call('admin', 'POST', '/api/v1/screening-campaigns', campaignBody())).json().id;
        await f.call('admin', 'POST', `/api/v1/screening-campaigns/${id}/close`);
        closed.push(id);
      }
      ids.purged = closed.pop()!;
      expect(
        (
          await f.call('admin', 'POST', `/api/v1/screening-campaigns/${ids.purged}/purge`, {
            confirmName: '返乡人员排查',
          })
        ).statusCode,
      ).toBe(200);
    }, 180_000);
    afterAll(async () => f?.h.close());

    const cases: [string, (u: User, i: number) => Promise<number>, (u: User) => number][] = [
      [
        'read a campaign',
        async (u) => (await f.call(u, 'GET', `/api/v1/screening-campaigns/${ids.campaign}`)).statusCode,
        (u) => expected(u, READ, SEES_CAMPAIGN, 200, 404),
      ],
      [
        'list its entries',
        async (u) => (await f.call(u, 'GET', `/api/v1/screening-campaigns/${ids.campaign}/entries`)).statusCode,
        (u) => expected(u, READ, SEES_CAMPAIGN, 200, 404),
      ],
      [
        'read an entry in the worker’s grid',
        async (u) => (await f.call(u, 'GET', `/api/v1/screening-entries/${ids.entry}`)).statusCode,
        (u) => expected(u, READ, COVERS_GRID, 200, 404),
      ],
      [
        'reveal it with a reason',
        async (u) =>
          (await f.call(u, 'GET', `/api/v1/screening-entries/${ids.entry}/reveal?reason=%E5%9B%9E%E8%AE%BF`))
            .statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 200, 404),
      ],
      [
        'add an entry in the worker’s grid',
        async (u) =>
          (
            await f.call(u, 'POST', `/api/v1/screening-campaigns/${ids.campaign}/entries`, {
              name: '郑大',
              idNumber: testIdNumber('19800101', seq++),
              gridId: ids.grid,
              values,
            })
          ).statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 201, u === 'chengbei' ? 404 : 422),
      ],
      [
        'open a campaign for 德化社区',
        async (u) =>
          (await f.call(u, 'POST', '/api/v1/screening-campaigns', { ...campaignBody(), scopeUnitId: f.units.dehua.id }))
            .statusCode,
        (u) => expected(u, MANAGE, COVERS_COMMUNITY, 201, 422),
      ],
      [
        'list the 协查 queue',
        async (u) => (await f.call(u, 'GET', `/api/v1/screening-campaigns/${ids.campaign}/checks`)).statusCode,
        (u) => expected(u, READ, SEES_CAMPAIGN, 200, 404),
      ],
      [
        'push a 协查 list down',
        async (u) =>
          (
            await upload(
              u,
              ids.campaign,
              await checkSheet([[`丙`, testIdNumber('19700103', seq++), null, null, '德化社区', null]]),
            )
          ).statusCode,
        (u) => expected(u, MANAGE, HOLDS_CAMPAIGN, 201, 404),
      ],
      [
        'answer a 协查 item of 德化',
        async (u, i) =>
          (await f.call(u, 'POST', `/api/v1/screening-checks/${checks[i]}/answer`, { status: 'not_found' })).statusCode,
        (u) => expected(u, WRITE, COVERS_COMMUNITY, 200, 404),
      ],
      [
        'route a 协查 item of 德化 to 朱庄',
        async (u, i) =>
          (await f.call(u, 'POST', `/api/v1/screening-checks/${reroutable[i]}/route`, { unitId: f.units.zhuzhuang.id }))
            .statusCode,
        (u) => expected(u, MANAGE, HOLDS_CAMPAIGN, 200, 404),
      ],
      [
        'purge a closed campaign',
        async (u, i) =>
          (await f.call(u, 'POST', `/api/v1/screening-campaigns/${closed[i]}/purge`, { confirmName: '返乡人员排查' }))
            .statusCode,
        (u) => expected(u, MANAGE, HOLDS_CAMPAIGN, 200, 404),
      ],
      [
        'read a purge record',
        async (u) => (await f.call(u, 'GET', `/api/v1/screening-campaigns/${ids.purged}/purge-record`)).statusCode,
        (u) => expected(u, READ, SEES_CAMPAIGN, 200, 404),
      ],
    ];

    for (const [action, run, want] of cases)
      it(`${action}`, async () => {
        const got: Record<string, number> = {};
        const wanted: Record<string, number> = {};
        for (const [i, u] of USERS.entries()) {
          got[u] = await run(u, i);
          wanted[u] = want(u);
        }
        expect(got).toEqual(wanted);
      });

    it('a campaign opened above a sub-district is seen there but not managed', async () => {
      const district = (await f.call('admin', 'GET', '/api/v1/auth/me')).json().unitId;
      const id = (
        await f.call('duchashi', 'POST', '/api/v1/screening-campaigns', { ...campaignBody(), scopeUnitId: district })
      ).json().id;
      expect((await f.call('chenzhou', 'GET', `/api/v1/screening-campaigns/${id}`)).json().canManage).toBe(false);
      expect((await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${id}/close`)).statusCode).toBe(403);
      expect((await f.call('duchashi', 'POST', `/api/v1/screening-campaigns/${id}/close`)).statusCode).toBe(200);
    });
  });
}
