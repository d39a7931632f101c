import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openStarsKit, type StarsKit } from '../test-kit.js';

const scoredOnly = (threshold: number) => ({
  key: 'branch_strong',
  name: '支部过硬',
  threshold,
  indicators: [
    {
      key: 'org_life',
      name: '组织生活',
      kind: 'scored',
      maxScore: 60,
      evidence: '会议记录',
      evidenceRequired: true,
    },
    { key: 'team', name: '班子建设', kind: 'scored', maxScore: 40 },
  ],
});

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: star sets`, () => {
    let k: StarsKit;
    beforeAll(async () => {
      k = await openStarsKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('starts a district on the default sets, the five stars of each kind of branch', async () => {
      const r = await k.call('chenzhou', 'GET', '/api/v1/stars/sets');
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.quarter).toBe('2026-Q4');
      expect(body.village.stars.map((s: { name: string }) => s.name)).toEqual([
        '支部过硬',
        '产业兴旺',
        '生态宜居',
        '平安法治',
        '文明幸福',
      ]);
      expect(body.urban.stars.map((s: { name: string }) => s.name)).toEqual([
        '支部过硬',
        '宜业兴业',
        '平安法治',
        '幸福和谐',
        '共建共享',
      ]);
      expect(body.versions).toHaveLength(2);
    });

    it('keeps a revision as a new version from a coming quarter; the quarters before keep the old one', async () => {
      const r = await k.call('duchashi', 'POST', '/api/v1/stars/sets', {
        branchKind: 'urban',
        effectiveFrom: '2027-Q1',
        stars: [scoredOnly(85)],
        note: '省里修订',
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ version: 2, effectiveFrom: '2027-Q1', createdByName: 'duchashi（测试）' });
      const now = (await k.call('dehua', 'GET', '/api/v1/stars/sets')).json();
      expect(now.urban.version).toBe(1);
      const next = (await k.call('dehua', 'GET', '/api/v1/stars/sets?quarter=2027-Q2')).json();
      expect(next.urban).toMatchObject({ version: 2, stars: [{ key: 'branch_strong', threshold: 85 }] });
      expect(next.village.version).toBe(1);
      const one = await k.call('leader', 'GET', `/api/v1/stars/sets/${r.json().id}`);
      expect(one.json().note).toBe('省里修订');
    });

    it('refuses a past quarter, an unknown rate, a threshold above full marks — naming the field, writing nothing', async () => {
      const before = await k.count('star_sets');
      const past = await k.call('admin', 'POST', '/api/v1/stars/sets', {
        branchKind: 'village',
        effectiveFrom: '2026-Q3',
        stars: [scoredOnly(80)],
      });
      expect(past.statusCode).toBe(422);
      expect(past.headers['content-type']).toContain('application/problem+json');
      expect(past.json().errors[0].field).toBe('effectiveFrom');
      expect(past.json().errors[0].message).toContain('2026-Q4');

      const star = scoredOnly(80);
      const unknown = await k.call('admin', 'POST', '/api/v1/stars/sets', {
        branchKind: 'village',
        effectiveFrom: '2026-Q4',
        stars: [
          {
            ...star,
            indicators: [
              ...star.indicators.slice(0, 1),
              { key: 'rate', name: '某比率', kind: 'computed', maxScore: 40, source: 'nope.rate', fullAt: 0.9 },
            ],
          },
        ],
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0]).toEqual({
        field: 'stars[0].indicators[1].source',
        message: '数据来源“nope.rate”不存在',
      });

      const high = await k.call('admin', 'POST', '/api/v1/stars/sets', {
        branchKind: 'village',
        effectiveFrom: '2026-Q4',
        stars: [scoredOnly(101)],
      });
      expect(high.statusCode).toBe(400);
      expect(JSON.stringify(high.json().errors)).toContain('threshold');
      expect(await k.count('star_sets')).toBe(before);
    });

    it('lets only the offices that keep the sets revise them, and the roles without the work read nothing', async () => {
      const body = { branchKind: 'village', effectiveFrom: '2027-Q1', stars: [scoredOnly(80)] };
      for (const who of ['leader', 'chenzhou', 'dehua'] as const)
        expect((await k.call(who, 'POST', '/api/v1/stars/sets', body)).statusCode).toBe(403);
      for (const who of ['wgy', 'handler', 'volunteer'] as const)
        expect((await k.call(who, 'GET', '/api/v1/stars/sets')).statusCode).toBe(403);
      expect((await k.call('admin', 'POST', '/api/v1/stars/sets', body)).statusCode).toBe(201);
    });
  });
}
