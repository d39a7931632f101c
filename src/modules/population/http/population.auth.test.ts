import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, testIdNumber, type PopulationFixture } from './test-kit.js';

/**
 * Who may do what to the people and places of one grid of 德化社区 (in 陈州街道), written out by hand
 * from SPEC §1 and §6 rather than read from the role table: the permission a role has (or not: 403),
 * and whether the record lies in its scope (or not: 404, or 422 naming the grid for a place it gives).
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
const REVEAL: User[] = WRITE;
const MANAGE_ROUNDS: User[] = ['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang'];
/** Whose scope holds the community 德化社区 as a whole, and whose holds the worker's grid in it. */
const COVERS_COMMUNITY: User[] = ['admin', 'leader', 'duchashi', 'tianwei', 'chenzhou', 'dehua'];
const COVERS_GRID: User[] = [...COVERS_COMMUNITY, 'wgy_dehua'];

const expected = (u: User, perm: User[], scope: User[], ok: number, outside: number) =>
  !perm.includes(u) ? 403 : scope.includes(u) ? ok : outside;

for (const tdb of testDatabases()) {
  describe(`people and places: who may do what (${tdb.name})`, () => {
    let f: PopulationFixture;
    const ids = { grid: '', household: '', resident: '', round: '' };

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      ids.grid = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitId;
      ids.household = (
        await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街8号', gridId: ids.grid })
      ).json().id;
      ids.resident = (
        await f.call('dehua', 'POST', '/api/v1/residents', {
          name: '冯桂兰',
          idNumber: testIdNumber('19480910', 222),
          phone: '13600003333',
          householdId: ids.household,
          residenceKind: 'registered',
        })
      ).json().resident.id;
      ids.round = (
        await f.call('dehua', 'POST', '/api/v1/door-knock-rounds', {
          name: '入户核查',
          scopeUnitId: f.units.dehua.id,
          startsOn: '2026-11-29',
          endsOn: '2026-12-06',
        })
      ).json().id;
    }, 120_000);
    afterAll(async () => f?.h.close());

    const cases: [string, (u: User) => Promise<number>, (u: User) => number][] = [
      [
        'list the community’s residents',
        async (u) => (await f.call(u, 'GET', `/api/v1/residents?unitId=${f.units.dehua.id}`)).statusCode,
        (u) => expected(u, READ, COVERS_COMMUNITY, 200, 404),
      ],
      [
        'read one resident',
        async (u) => (await f.call(u, 'GET', `/api/v1/residents/${ids.resident}`)).statusCode,
        (u) => expected(u, READ, COVERS_GRID, 200, 404),
      ],
      [
        'reveal a resident’s ID number and phone',
        async (u) => (await f.call(u, 'GET', `/api/v1/residents/${ids.resident}/reveal?reason=核实`)).statusCode,
        (u) => expected(u, REVEAL, COVERS_GRID, 200, 404),
      ],
      [
        'read a resident’s history',
        async (u) => (await f.call(u, 'GET', `/api/v1/residents/${ids.resident}/history`)).statusCode,
        (u) => expected(u, READ, COVERS_GRID, 200, 404),
      ],
      [
        'correct a resident',
        async (u) => (await f.call(u, 'PATCH', `/api/v1/residents/${ids.resident}`, { note: '已核实' })).statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 200, 404),
      ],
      [
        'register a household on the grid',
        async (u) =>
          (await f.call(u, 'POST', '/api/v1/households', { address: `德化街${u}号`, gridId: ids.grid })).statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 201, 422),
      ],
      [
        'read a household',
        async (u) => (await f.call(u, 'GET', `/api/v1/households/${ids.household}`)).statusCode,
        (u) => expected(u, READ, COVERS_GRID, 200, 404),
      ],
      [
        'register a resident in the household',
        async (u) =>
          (
            await f.call(u, 'POST', '/api/v1/residents', {
              name: `住户${u.length}`,
              householdId: ids.household,
              residenceKind: 'resident',
            })
          ).statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 201, 422),
      ],
      [
        'open a round over the community',
        async (u) =>
          (
            await f.call(u, 'POST', '/api/v1/door-knock-rounds', {
              name: '走访',
              scopeUnitId: f.units.dehua.id,
              startsOn: '2026-12-01',
              endsOn: '2026-12-07',
            })
          ).statusCode,
        (u) => expected(u, MANAGE_ROUNDS, COVERS_COMMUNITY, 201, 422),
      ],
      [
        'read the round’s coverage',
        async (u) => (await f.call(u, 'GET', `/api/v1/door-knock-rounds/${ids.round}/coverage`)).statusCode,
        (u) => expected(u, READ, COVERS_GRID, 200, 404),
      ],
      [
        'record a visit',
        async (u) =>
          (
            await f.call(u, 'POST', `/api/v1/door-knock-rounds/${ids.round}/visits`, {
              householdId: ids.household,
              result: 'verified',
            })
          ).statusCode,
        (u) => expected(u, WRITE, COVERS_GRID, 201, 404),
      ],
      [
        'add a resident tag',
        async (u) => (await f.call(u, 'POST', '/api/v1/resident-tags', { name: `标签${u}` })).statusCode,
        (u) => (u === 'admin' ? 201 : 403),
      ],
    ];

    for (const [what, act, want] of cases)
      it(`${what}: by role and scope`, async () => {
        const got: Record<string, number> = {};
        const exp: Record<string, number> = {};
        for (const u of USERS) {
          got[u] = await act(u);
          exp[u] = want(u);
        }
        expect(got).toEqual(exp);
      });
  });
}
