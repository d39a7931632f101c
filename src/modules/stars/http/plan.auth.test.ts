import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPlansFixture, YEAR, type PlansFixture } from '../testing/plans-test-kit.js';

/**
 * Who may do what with battle maps and action teams, written out by hand from issue 14 and SPEC §1
 * rather than read from the role table, on the branch of 德化社区 (陈州街道): no permission → 403; a
 * branch, measure or team outside the caller's view → 404; a branch named in a body outside the
 * caller's scope → 422 naming the field; no session → 401.
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
const NO_STAR: User[] = ['wgy_dehua', 'dianxin', 'zhiyuanzhe'];
const SEE_DEHUA: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua'];

for (const tdb of testDatabases()) {
  describe(`battle maps and teams: who may do what (${tdb.name})`, () => {
    let f: PlansFixture;
    let measureId = '';
    let teamId = '';
    let acrossId = '';
    const teamBody = (branchIds: string[]) => ({
      name: '聚力团',
      branchIds,
      leaderName: '李红',
      members: [{ kind: 'volunteer', name: '赵志强', role: 'team_member' }],
    });
    beforeAll(async () => {
      f = await openPlansFixture(tdb, USERS);
      const plan = await f.call('dehua', 'PUT', `/api/v1/stars/branches/${f.units.dehuaBranch}/plan`, {
        year: YEAR,
        stars: ['branch_strong'],
      });
      if (plan.statusCode !== 200) throw new Error(plan.body);
      const m = await f.call('dehua', 'POST', `/api/v1/stars/branches/${f.units.dehuaBranch}/measures`, {
        year: YEAR,
        starKey: 'branch_strong',
        title: '规范“三会一课”',
        ownerName: '李红',
        start: '2026-11-30',
        deadline: '2026-12-31',
      });
      if (m.statusCode !== 201) throw new Error(m.body);
      measureId = m.json().measures[0].id;
      teamId = (await f.call('dehua', 'POST', '/api/v1/stars/teams', teamBody([f.units.dehuaBranch]))).json().id;
      acrossId = (
        await f.call(
          'chenzhou',
          'POST',
          '/api/v1/stars/teams',
          teamBody([f.units.dehuaBranch, f.units.zhuzhuangBranch]),
        )
      ).json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    const cases: [string, () => [string, string, unknown?], () => Record<User, number>][] = [
      [
        'GET /stars/branches',
        () => ['GET', `/api/v1/stars/branches?year=${YEAR}`],
        () =>
          table([
            [200, [...SEE_DEHUA, 'chengbei', 'zhuzhuang']],
            [403, NO_STAR],
          ]),
      ],
      [
        'GET a branch’s battle map',
        () => ['GET', `/api/v1/stars/branches/${f.units.dehuaBranch}/plan?year=${YEAR}`],
        () =>
          table([
            [200, SEE_DEHUA],
            [404, ['chengbei', 'zhuzhuang']],
            [403, NO_STAR],
          ]),
      ],
      [
        'PUT a branch’s battle map',
        () => ['PUT', `/api/v1/stars/branches/${f.units.dehuaBranch}/plan`, { year: YEAR, stars: ['branch_strong'] }],
        () =>
          table([
            [200, ['admin', 'dehua']],
            [404, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STAR]],
          ]),
      ],
      [
        'POST a measure',
        () => [
          'POST',
          `/api/v1/stars/branches/${f.units.dehuaBranch}/measures`,
          {
            year: YEAR,
            starKey: 'branch_strong',
            title: '党员先锋岗',
            ownerName: '王建国',
            start: '2026-11-30',
            deadline: '2026-12-31',
          },
        ],
        () =>
          table([
            [201, ['admin', 'dehua']],
            [404, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STAR]],
          ]),
      ],
      [
        'PATCH a measure',
        () => ['PATCH', `/api/v1/stars/measures/${measureId}`, { ownerName: '王建国' }],
        () =>
          table([
            [200, ['admin', 'dehua']],
            [404, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STAR]],
          ]),
      ],
      [
        'POST a progress report on a measure',
        () => ['POST', `/api/v1/stars/measures/${measureId}/reports`, { percent: 10, content: '已部署。' }],
        () =>
          table([
            [201, ['admin', 'dehua']],
            [404, ['zhuzhuang']],
            [403, ['leader', 'duchashi', 'chenzhou', 'chengbei', ...NO_STAR]],
          ]),
      ],
      [
        'GET /stars/teams',
        () => ['GET', '/api/v1/stars/teams'],
        () =>
          table([
            [200, [...SEE_DEHUA, 'chengbei', 'zhuzhuang']],
            [403, NO_STAR],
          ]),
      ],
      [
        'GET the branch’s team',
        () => ['GET', `/api/v1/stars/teams/${teamId}`],
        () =>
          table([
            [200, SEE_DEHUA],
            [404, ['chengbei', 'zhuzhuang']],
            [403, NO_STAR],
          ]),
      ],
      [
        'POST a team for the branch',
        () => ['POST', '/api/v1/stars/teams', teamBody([f.units.dehuaBranch])],
        () =>
          table([
            [201, ['admin', 'chenzhou', 'dehua']],
            [422, ['chengbei', 'zhuzhuang']],
            [403, ['leader', 'duchashi', ...NO_STAR]],
          ]),
      ],
      [
        'PUT the branch’s team',
        () => ['PUT', `/api/v1/stars/teams/${teamId}`, teamBody([f.units.dehuaBranch])],
        () =>
          table([
            [200, ['admin', 'chenzhou', 'dehua']],
            [404, ['chengbei', 'zhuzhuang']],
            [403, ['leader', 'duchashi', ...NO_STAR]],
          ]),
      ],
      [
        'PUT a team across branches',
        () => ['PUT', `/api/v1/stars/teams/${acrossId}`, teamBody([f.units.dehuaBranch, f.units.zhuzhuangBranch])],
        () =>
          table([
            [200, ['admin', 'chenzhou']],
            [403, ['dehua', 'zhuzhuang', 'leader', 'duchashi', ...NO_STAR]],
            [404, ['chengbei']],
          ]),
      ],
    ];

    for (const [name, req, expected] of cases) {
      it(name, async () => {
        const [method, url, body] = req();
        const want = expected();
        const got = {} as Record<User, number>;
        for (const u of USERS) got[u] = (await f.call(u, method, url, body)).statusCode;
        expect(got).toEqual(want);
        expect((await f.h.call(method, url, { body })).statusCode).toBe(401);
      });
    }

    it('names the field of a branch outside the caller’s scope', async () => {
      const r = await f.call('zhuzhuang', 'POST', '/api/v1/stars/teams', teamBody([f.units.dehuaBranch]));
      expect(r.json().errors[0]).toMatchObject({ field: 'branchIds[0]', message: '所选党支部不在您的管辖范围内' });
    });
  });
}
