import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

/**
 * Who may do what with weekly progress, observation events and evidence, written out by hand from
 * SPEC §1 and §9 rather than read from the role table, on 德化社区党支部 (陈州街道): no permission → 403;
 * a record outside the caller's view → 404; a branch or unit named outside the caller's scope → 422
 * naming the field; no session → 401.
 */
const USERS = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'dianxin',
  'zhiyuanzhe',
] as const;
type User = (typeof USERS)[number];

const table = (groups: [number, User[]][]): Record<User, number> => {
  const out = {} as Record<User, number>;
  for (const [status, users] of groups) for (const u of users) out[u] = status;
  for (const u of USERS) expect(out[u], `${u} has an expected status`).toBeDefined();
  return out;
};
const DISTRICT: User[] = ['admin', 'leader', 'duchashi'];
const NO_STARS: User[] = ['wgy_dehua', 'dianxin', 'zhiyuanzhe'];

for (const tdb of testDatabases()) {
  describe(`stars cycle: who may do what (${tdb.name})`, () => {
    let f: CycleFixture;
    let observationId = '';
    let reportId = '';
    beforeAll(async () => {
      f = await openCycleFixture(tdb, USERS);
      const o = await f.call('chenzhou', 'POST', '/api/v1/stars/observations', {
        day: '2026-11-26',
        title: '观摩',
        placeBranchId: f.branches.dehua,
        branchIds: [f.branches.dehua, f.branches.zhuzhuang],
        visitors: [{ name: '聚力团代表' }],
      });
      if (o.statusCode !== 201) throw new Error(o.body);
      observationId = o.json().id;
      const w = await f.call('dehua', 'PUT', `/api/v1/stars/branches/${f.branches.dehua}/weekly/2026-11-23`, {
        text: '推进情况',
      });
      if (w.statusCode !== 200) throw new Error(w.body);
      reportId = w.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    const cases: [string, (u: User) => Promise<[string, string, unknown?]>, () => Record<User, number>][] = [
      [
        'GET /stars/weekly/grid of 陈州',
        async () => ['GET', `/api/v1/stars/weekly/grid?unitId=${f.units.chenzhou}`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou']],
            [422, ['chengbei', 'dehua', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'GET /stars/weekly/grid.xlsx of 陈州',
        async () => ['GET', `/api/v1/stars/weekly/grid.xlsx?unitId=${f.units.chenzhou}`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou']],
            [422, ['chengbei', 'dehua', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'GET /stars/branches/:德化/weekly',
        async () => ['GET', `/api/v1/stars/branches/${f.branches.dehua}/weekly`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou', 'dehua']],
            [404, ['chengbei', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'GET /stars/weekly/:id',
        async () => ['GET', `/api/v1/stars/weekly/${reportId}`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou', 'dehua']],
            [404, ['chengbei', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'PUT /stars/branches/:德化/weekly/:week',
        async () => ['PUT', `/api/v1/stars/branches/${f.branches.dehua}/weekly/2026-11-23`, { text: '补充' }],
        () =>
          table([
            [200, ['admin', 'dehua']],
            [404, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STARS]],
          ]),
      ],
      [
        'POST /stars/observations (held by 陈州)',
        async () => [
          'POST',
          '/api/v1/stars/observations',
          {
            hostUnitId: f.units.chenzhou,
            day: '2026-11-27',
            title: '观摩',
            placeBranchId: f.branches.dehua,
            branchIds: [f.branches.dehua],
          },
        ],
        () =>
          table([
            [201, ['admin', 'chenzhou']],
            [422, ['chengbei']],
            [403, ['leader', 'duchashi', 'dehua', 'zhuzhuang', ...NO_STARS]],
          ]),
      ],
      [
        'GET /stars/observations/:id',
        async () => ['GET', `/api/v1/stars/observations/${observationId}`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou', 'dehua', 'zhuzhuang']],
            [404, ['chengbei']],
            [403, NO_STARS],
          ]),
      ],
      [
        'GET /stars/observations',
        async () => ['GET', '/api/v1/stars/observations'],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'PUT /stars/observations/:id/scores',
        async () => {
          const v = (await f.call('admin', 'GET', `/api/v1/stars/observations/${observationId}`)).json().visitors[0].id;
          return [
            'PUT',
            `/api/v1/stars/observations/${observationId}/scores`,
            { scores: [{ visitorId: v, branchId: f.branches.dehua, score: 90 }] },
          ];
        },
        () =>
          table([
            [200, ['admin', 'chenzhou']],
            [404, ['chengbei']],
            [403, ['leader', 'duchashi', 'dehua', 'zhuzhuang', ...NO_STARS]],
          ]),
      ],
      [
        'POST /stars/evidence for 德化',
        async () => [
          'POST',
          '/api/v1/stars/evidence',
          { branchId: f.branches.dehua, quarter: '2026-Q4', starKey: 'branch_strong', note: '会议记录' },
        ],
        () =>
          table([
            [201, ['admin', 'dehua']],
            [422, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STARS]],
          ]),
      ],
      [
        'GET /stars/evidence of 德化',
        async () => ['GET', `/api/v1/stars/evidence?branchId=${f.branches.dehua}`],
        () =>
          table([
            [200, [...DISTRICT, 'chenzhou', 'dehua']],
            [422, ['chengbei', 'zhuzhuang']],
            [403, NO_STARS],
          ]),
      ],
      [
        'DELETE /stars/evidence/:id (德化’s own upload)',
        async () => {
          const r = await f.call('dehua', 'POST', '/api/v1/stars/evidence', {
            branchId: f.branches.dehua,
            quarter: '2026-Q4',
            starKey: 'branch_strong',
            note: '待删除',
          });
          return ['DELETE', `/api/v1/stars/evidence/${r.json().id}`];
        },
        () =>
          table([
            [204, ['dehua']],
            [404, ['zhuzhuang']],
            [403, ['admin', 'leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STARS]],
          ]),
      ],
    ];

    for (const [name, request, expected] of cases)
      it(`${name}`, async () => {
        const got = {} as Record<User, number>;
        for (const u of USERS) {
          const [method, url, body] = await request(u);
          got[u] = (await f.call(u, method, url, body)).statusCode;
        }
        expect(got).toEqual(expected());
        const [method, url, body] = await request('admin');
        expect((await f.h.call(method, url, { body })).statusCode, `${name} without a session`).toBe(401);
      });
  });
}
