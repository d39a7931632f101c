import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openCampaignsFixture, type CampaignsFixture } from './test-kit.js';

/**
 * Who may do what with campaigns, indicators and targets, written out by hand from SPEC §1 and §4
 * rather than read from the role table, on a campaign of 德化社区 (陈州街道) that 电信 joins as 包联
 * unit: no permission → 403; a record outside the caller's view → 404; a unit named outside the
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
  'minjing',
] as const;
type User = (typeof USERS)[number];

const table = (groups: [number, User[]][]): Record<User, number> => {
  const out = {} as Record<User, number>;
  for (const [status, users] of groups) for (const u of users) out[u] = status;
  for (const u of USERS) expect(out[u], `${u} has an expected status`).toBeDefined();
  return out;
};
const READERS: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua'];
const OTHER_PLACE: User[] = ['chengbei', 'zhuzhuang', 'wgy_dehua'];
/** indicator.read on 德化社区. */
const READ_DEHUA = () =>
  table([
    [200, READERS],
    [422, OTHER_PLACE],
    [403, ['dianxin', 'zhiyuanzhe', 'minjing']],
  ]);

for (const tdb of testDatabases()) {
  describe(`campaigns and indicators: who may do what (${tdb.name})`, () => {
    let f: CampaignsFixture;
    let campaignId = '';
    beforeAll(async () => {
      f = await openCampaignsFixture(tdb, USERS);
      const r = await f.call('dehua', 'POST', '/api/v1/campaigns', {
        title: '德化社区环境卫生集中整治',
        kind: 'concentrated',
        scopeUnitId: f.units.dehua,
        startDay: '2026-11-27',
        endDay: '2026-11-27',
        units: [{ unitId: f.units.dianxin, role: 'paired' }],
        categories: ['01'],
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      campaignId = r.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    const period = () => `unitId=${f.units.dehua}&from=2026-11-01&to=2026-11-30`;
    const cases: [string, (u: User) => [string, string, unknown?], () => Record<User, number>][] = [
      [
        'GET /campaigns',
        () => ['GET', '/api/v1/campaigns'],
        () =>
          table([
            [200, [...READERS, ...OTHER_PLACE, 'dianxin']],
            [403, ['zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'GET /campaigns/:id',
        () => ['GET', `/api/v1/campaigns/${campaignId}`],
        () =>
          table([
            [200, [...READERS, 'wgy_dehua', 'dianxin']],
            [404, ['chengbei', 'zhuzhuang']],
            [403, ['zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'POST /campaigns',
        () => [
          'POST',
          '/api/v1/campaigns',
          {
            title: '德化社区小广告清理',
            kind: 'concentrated',
            scopeUnitId: f.units.dehua,
            startDay: '2026-11-28',
            endDay: '2026-11-28',
          },
        ],
        () =>
          table([
            [201, ['admin', 'chenzhou', 'dehua']],
            [422, ['chengbei', 'zhuzhuang']],
            [403, ['leader', 'duchashi', 'wgy_dehua', 'dianxin', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'POST /campaigns/:id/cases',
        () => ['POST', `/api/v1/campaigns/${campaignId}/cases`, { caseId: f.cases.dehua[0] }],
        () =>
          table([
            [200, ['admin', 'chenzhou', 'dehua']],
            [404, ['chengbei', 'zhuzhuang']],
            [403, ['leader', 'duchashi', 'wgy_dehua', 'dianxin', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'GET /indicators',
        () => ['GET', '/api/v1/indicators'],
        () =>
          table([
            [200, [...READERS, ...OTHER_PLACE, 'dianxin']],
            [403, ['zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'POST /indicators',
        (u) => ['POST', '/api/v1/indicators', { name: `测试指标（${u}）`, measureUnit: '张', kind: 'entered' }],
        () =>
          table([
            [201, ['admin', 'duchashi']],
            [403, ['leader', 'chenzhou', 'dehua', ...OTHER_PLACE, 'dianxin', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
      [
        'GET /indicators/sources',
        () => ['GET', '/api/v1/indicators/sources'],
        () =>
          table([
            [200, [...READERS, ...OTHER_PLACE]],
            [403, ['dianxin', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
      ['GET /indicators/achievements', () => ['GET', `/api/v1/indicators/achievements?${period()}`], READ_DEHUA],
      [
        'GET /indicators/:id/sums',
        () => [
          'GET',
          `/api/v1/indicators/${f.indicators.leaflets}/sums?unitId=${f.units.dehua}&from=2026-10&to=2026-11`,
        ],
        READ_DEHUA,
      ],
      [
        'GET /indicators/:id/records',
        () => ['GET', `/api/v1/indicators/${f.indicators.fixed}/records?${period()}`],
        READ_DEHUA,
      ],
      ['GET /indicator-entries', () => ['GET', `/api/v1/indicator-entries?unitId=${f.units.dehua}`], READ_DEHUA],
      [
        'POST /indicator-entries',
        () => [
          'POST',
          '/api/v1/indicator-entries',
          {
            indicatorId: f.indicators.leaflets,
            unitId: f.units.dehua,
            quantity: 3,
            measureUnit: '份',
            day: '2026-11-27',
          },
        ],
        () =>
          table([
            [201, ['admin', 'chenzhou', 'dehua']],
            [422, [...OTHER_PLACE, 'dianxin']],
            [403, ['leader', 'duchashi', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
      ['GET /indicator-targets', () => ['GET', `/api/v1/indicator-targets?unitId=${f.units.dehua}`], READ_DEHUA],
      [
        'PUT /indicator-targets',
        () => [
          'PUT',
          '/api/v1/indicator-targets',
          {
            indicatorId: f.indicators.leaflets,
            unitId: f.units.dehua,
            period: '2026-Q4',
            kind: 'at_least',
            value: 500,
          },
        ],
        () =>
          table([
            [200, ['admin', 'duchashi']],
            [403, ['leader', 'chenzhou', 'dehua', ...OTHER_PLACE, 'dianxin', 'zhiyuanzhe', 'minjing']],
          ]),
      ],
    ];

    it.each(cases)('%s', async (_name, request, expected) => {
      const want = expected();
      const got = {} as Record<User, number>;
      for (const u of USERS) {
        const [method, url, body] = request(u);
        got[u] = (await f.call(u, method, url, body)).statusCode;
      }
      expect(got).toEqual(want);
      const [method, url, body] = request('admin');
      expect((await f.h.call(method, url, { body })).statusCode).toBe(401);
    });
  });
}
