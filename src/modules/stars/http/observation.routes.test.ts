import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: observation events (每月观摩)`, () => {
    let f: CycleFixture;
    let id = '';
    let visitors: { id: string; name: string }[] = [];
    beforeAll(async () => {
      f = await openCycleFixture(tdb, ['zhuzhuang', 'chengbei']);
    }, 180_000);
    afterAll(async () => f?.h.close());

    const body = () => ({
      day: '2026-11-26',
      title: '陈州街道“五星”支部创建观摩',
      placeBranchId: f.branches.dehua,
      branchIds: [f.branches.dehua, f.branches.zhuzhuang, f.branches.gucheng],
      visitors: [{ accountId: f.accounts.leader }, { name: '聚力团代表' }, { name: '包联单位代表' }],
      attendees: 33,
    });

    it('lets the 街道 hold one in its branches, visitors by account or by name', async () => {
      const r = await f.call('chenzhou', 'POST', '/api/v1/stars/observations', body());
      expect(r.statusCode, r.body).toBe(201);
      const o = r.json();
      id = o.id;
      visitors = o.visitors;
      expect(o).toMatchObject({
        hostUnitId: f.units.chenzhou,
        hostName: '陈州街道办事处',
        placeName: '德化社区党支部',
        branchCount: 3,
        visitorCount: 3,
        attendees: 33,
        scored: 0,
        canScore: true,
      });
      expect(o.visitors.map((v: { name: string }) => v.name)).toEqual(['区领导（演示）', '聚力团代表', '包联单位代表']);
      expect(o.branches.map((b: { average: number | null }) => b.average)).toEqual([null, null, null]);
    });

    it('refuses a branch of another 街道 and a repeated branch, naming the field, writing nothing', async () => {
      const before = await f.count('star_observations');
      const other = await f.call('chenzhou', 'POST', '/api/v1/stars/observations', {
        ...body(),
        branchIds: [f.branches.dehua, f.branches.beiguan],
      });
      expect(other.statusCode).toBe(422);
      expect(other.json().errors[0]).toMatchObject({
        field: 'branchIds[1]',
        message: zhSentence('star.branch_out_of_scope'),
      });
      const admin = await f.call('admin', 'POST', '/api/v1/stars/observations', {
        ...body(),
        hostUnitId: f.units.chenzhou,
        branchIds: [f.branches.dehua, f.branches.beiguan],
      });
      expect(admin.json().errors[0]).toMatchObject({
        field: 'branchIds[1]',
        message: zhSentence('observation.branch_outside_host'),
      });
      const twice = await f.call('chenzhou', 'POST', '/api/v1/stars/observations', {
        ...body(),
        branchIds: [f.branches.dehua, f.branches.dehua],
      });
      expect(twice.json().errors[0].field).toBe('branchIds[1]');
      const community = await f.call('admin', 'POST', '/api/v1/stars/observations', {
        ...body(),
        hostUnitId: f.units.dehua,
      });
      expect(community.json().errors[0].field).toBe('hostUnitId');
      expect(await f.count('star_observations')).toBe(before);
    });

    it('refuses a score out of 0–100 naming its field, and writes none of the batch', async () => {
      const r = await f.call('chenzhou', 'PUT', `/api/v1/stars/observations/${id}/scores`, {
        scores: [
          { visitorId: visitors[0]!.id, branchId: f.branches.dehua, score: 90 },
          { visitorId: visitors[1]!.id, branchId: f.branches.dehua, score: 101 },
        ],
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().errors[0]).toMatchObject({
        field: 'scores[1].score',
        message: zhSentence('observation.score_range', { min: 0, max: 100 }),
      });
      const bad = await f.call('chenzhou', 'PUT', `/api/v1/stars/observations/${id}/scores`, {
        scores: [{ visitorId: visitors[0]!.id, branchId: f.branches.beiguan, score: 90 }],
      });
      expect(bad.json().errors[0]).toMatchObject({
        field: 'scores[0].branchId',
        message: zhSentence('observation.branch_not_visited'),
      });
      const precise = await f.call('chenzhou', 'PUT', `/api/v1/stars/observations/${id}/scores`, {
        scores: [{ visitorId: visitors[0]!.id, branchId: f.branches.dehua, score: 90.25 }],
      });
      expect(precise.json().errors[0].field).toBe('scores[0].score');
      expect(await f.count('star_observation_scores')).toBe(0);
    });

    it('keeps each visitor’s score and remark per branch, the average of those given, corrections replacing', async () => {
      const put = (scores: unknown[]) =>
        f.call('chenzhou', 'PUT', `/api/v1/stars/observations/${id}/scores`, { scores });
      const [a, b, c] = visitors.map((v) => v.id);
      let r = await put([
        { visitorId: a, branchId: f.branches.dehua, score: 92, remark: '作战图清晰' },
        { visitorId: b, branchId: f.branches.dehua, score: 88.5 },
        { visitorId: c, branchId: f.branches.dehua, score: 80 },
        { visitorId: a, branchId: f.branches.zhuzhuang, score: 75 },
      ]);
      expect(r.statusCode, r.body).toBe(200);
      const avg = () =>
        Object.fromEntries(
          r
            .json()
            .branches.map((x: { branchName: string; average: number | null; count: number }) => [
              x.branchName,
              [x.average, x.count],
            ]),
        );
      expect(avg()).toEqual({
        德化社区党支部: [86.8, 3],
        朱庄社区党支部: [75, 1],
        古城社区党支部: [null, 0],
      });
      r = await put([{ visitorId: c, branchId: f.branches.dehua, score: 86, remark: '补评' }]);
      expect(avg()['德化社区党支部']).toEqual([88.8, 3]);
      expect(r.json().scores).toContainEqual({ visitorId: c, branchId: f.branches.dehua, score: 86, remark: '补评' });
      expect(r.json().scored).toBe(4);
    });

    it('shows a visited community its own branch only; another 街道 not at all; only the host scores', async () => {
      const mine = await f.call('zhuzhuang', 'GET', `/api/v1/stars/observations/${id}`);
      expect(mine.statusCode).toBe(200);
      expect(mine.json().branches.map((b: { branchName: string }) => b.branchName)).toEqual(['朱庄社区党支部']);
      expect(mine.json().scores.every((s: { branchId: string }) => s.branchId === f.branches.zhuzhuang)).toBe(true);
      expect(mine.json().canScore).toBe(false);
      expect((await f.call('zhuzhuang', 'GET', '/api/v1/stars/observations')).json().items).toHaveLength(1);
      expect((await f.call('chengbei', 'GET', `/api/v1/stars/observations/${id}`)).statusCode).toBe(404);
      expect((await f.call('chengbei', 'GET', '/api/v1/stars/observations')).json().items).toEqual([]);
      const score = await f.call('chengbei', 'PUT', `/api/v1/stars/observations/${id}/scores`, {
        scores: [{ visitorId: visitors[0]!.id, branchId: f.branches.dehua, score: 1 }],
      });
      expect(score.statusCode).toBe(404);
    });
  });
}
