import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { createOrgApi, LocateService } from '../../org/index.js';
import { remindRatings } from '../commands/rating-reminders.js';
import { openStarsKit, type StarsKit } from '../test-kit.js';

/*
 * The quarterly rating end to end on both databases: the branch self-assesses, the 街道 proposes with
 * panel scores and a star, the district returns, the 街道 proposes again, the district confirms, the
 * ranking moves; the next quarter the star is withdrawn with a reason. Bad input is refused naming the
 * field, with nothing written. The harness clock stands at 2026-11-30 (2026-Q4): 2026-Q3's deadlines
 * have passed, 2026-Q4's lie in January.
 */

const Q3 = '2026-Q3';
const Q4 = '2026-Q4';
// 支部过硬 (urban and village): org_life 40 (evidence required), team_building 30, task_progress 30 from supervision.taskOnTime.
const strongScores = { branch_strong: { org_life: 36, team_building: 27 } };

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the quarterly rating`, () => {
    let k: StarsKit;
    const evidence = async (branch: string, quarter: string) => {
      await k.h.database.db
        .insertInto('star_evidence')
        .values({
          id: crypto.randomUUID(),
          district_code: '411602',
          branch_id: k.ids[branch]!,
          branch_path: '/',
          quarter,
          star_key: 'branch_strong',
          indicator_key: 'org_life',
          file_id: null,
          note: '三会一课记录',
          uploaded_by: 'test',
          uploaded_by_name: 'dehua',
          uploaded_at: '2026-10-01T00:00:00.000Z',
        })
        .execute();
    };
    const rate = async (branch: string, quarter: string, numerator: number) => {
      await k.h.database.db
        .insertInto('star_rate_values')
        .values({
          district_code: '411602',
          branch_id: k.ids[branch]!,
          quarter,
          source: 'supervision.taskOnTime',
          numerator,
          denominator: 10,
          computed_at: '2026-10-01T00:00:00.000Z',
        })
        .execute();
    };

    beforeAll(async () => {
      k = await openStarsKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('lists the 街道’s branches as open, with the deadlines on working days after the quarter (国庆 counted)', async () => {
      const r = await k.call('chenzhou', 'GET', `/api/v1/stars/ratings?quarter=${Q3}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      // 2026-10-01..07 are off, Saturday 10-10 is a make-up day: 10-08, 09, 10, 12, 13.
      expect(body.deadlines.self).toBe('2026-10-13');
      expect(body.items.map((i: { branchName: string; state: string }) => [i.branchName, i.state])).toEqual([
        ['德化社区党支部', 'open'],
        ['孙嘴村党支部', 'open'],
      ]);
      expect(body.items[0].overdue).toBe(true);
    });

    it('runs self-assess → propose → return → propose → confirm, and the ranking moves', async () => {
      const self = await k.call('dehua', 'POST', '/api/v1/stars/ratings/self-assess', {
        branchId: k.ids.dehuaB,
        quarter: Q3,
        text: '本季度召开支部党员大会 3 次，主题党日 3 次。',
      });
      expect(self.statusCode, self.body).toBe(200);
      expect(self.json()).toMatchObject({ state: 'self_assessed', actions: ['self_assess', 'propose'] });
      const id = self.json().id as string;

      // Out of range: refused naming the score, nothing written.
      const bad = await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.dehuaB,
        quarter: Q3,
        scores: { branch_strong: { org_life: 41, team_building: 27 } },
        stars: [],
      });
      expect(bad.statusCode, bad.body).toBe(422);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['scores.branch_strong.org_life']);
      expect(bad.json().errors[0].message).toBe('得分须在 0–40 分之间');

      // A star without its evidence: refused naming stars[0].
      await rate('dehuaB', Q3, 9);
      const noEvidence = await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.dehuaB,
        quarter: Q3,
        scores: strongScores,
        stars: [{ key: 'branch_strong', hold: true, reason: '组织生活规范' }],
      });
      expect(noEvidence.statusCode, noEvidence.body).toBe(422);
      expect(noEvidence.json().errors[0]).toMatchObject({ field: 'stars[0]' });
      expect(noEvidence.json().errors[0].message).toContain('组织生活');
      expect((await k.call('chenzhou', 'GET', `/api/v1/stars/ratings/${id}`)).json().state).toBe('self_assessed');

      await evidence('dehuaB', Q3);
      const proposal = {
        branchId: k.ids.dehuaB,
        quarter: Q3,
        scores: strongScores,
        stars: [{ key: 'branch_strong', hold: true, reason: '组织生活规范' }],
        remark: '街道评议组 5 人',
      };
      const p1 = await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', proposal);
      expect(p1.statusCode, p1.body).toBe(200);
      const strong = p1.json().outcomes.find((o: { key: string }) => o.key === 'branch_strong');
      expect(strong).toMatchObject({ score: 93, eligible: true });
      expect(strong.indicators.find((i: { key: string }) => i.key === 'task_progress')).toMatchObject({
        score: 30,
        numerator: 9,
        denominator: 10,
      });

      // The branch cannot self-assess again once proposed.
      const late = await k.call('dehua', 'POST', '/api/v1/stars/ratings/self-assess', {
        branchId: k.ids.dehuaB,
        quarter: Q3,
        text: '补充',
      });
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().errors[0].field).toBe('state');

      const ret = await k.call('leader', 'POST', `/api/v1/stars/ratings/${id}/return`, { reason: '佐证材料不全' });
      expect(ret.statusCode, ret.body).toBe(200);
      expect(ret.json()).toMatchObject({ state: 'self_assessed', returnedReason: '佐证材料不全', returnCount: 1 });

      // Confirm before the 街道 proposed again: refused naming state, nothing awarded.
      const early = await k.call('leader', 'POST', `/api/v1/stars/ratings/${id}/confirm`, {});
      expect(early.statusCode, early.body).toBe(409);
      expect(early.json().errors[0].field).toBe('state');
      expect(await k.count('star_awards')).toBe(0);

      expect((await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', proposal)).statusCode).toBe(200);
      const ok = await k.call('leader', 'POST', `/api/v1/stars/ratings/${id}/confirm`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ state: 'confirmed', starsHeld: 1, totalScore: 93, actions: [] });

      const ranking = await k.call('chenzhou', 'GET', `/api/v1/stars/rankings?quarter=${Q3}`);
      expect(ranking.statusCode, ranking.body).toBe(200);
      expect(
        ranking
          .json()
          .rows.map((r: { branchName: string; rank: number | null; stars: number | null }) => [
            r.branchName,
            r.rank,
            r.stars,
          ]),
      ).toEqual([
        ['德化社区党支部', 1, 1],
        ['孙嘴村党支部', null, null],
      ]);
      expect(ranking.json().rows[0]).toMatchObject({ ratingId: id, starNames: ['支部过硬'], score: 93 });
    });

    it('withdraws a star only with a reason, and keeps the award as history', async () => {
      await k.call('dehua', 'POST', '/api/v1/stars/ratings/self-assess', {
        branchId: k.ids.dehuaB,
        quarter: Q4,
        text: '本季度组织生活未按期开展。',
      });
      // Before the proposal the branch may still add evidence.
      const note = await k.call('dehua', 'POST', '/api/v1/stars/evidence', {
        branchId: k.ids.dehuaB,
        quarter: Q4,
        starKey: 'branch_strong',
        note: '季度工作小结',
      });
      expect(note.statusCode, note.body).toBe(201);
      // 2026-Q4: the branch's self-assessment deadline lies in January; the branch has self-assessed.
      const noReason = await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.dehuaB,
        quarter: Q4,
        scores: { branch_strong: { org_life: 10, team_building: 10 } },
        stars: [{ key: 'branch_strong', hold: false }],
      });
      expect(noReason.statusCode, noReason.body).toBe(422);
      expect(noReason.json().errors[0]).toMatchObject({ field: 'stars[0].reason', message: '摘星须填写理由' });
      const p = await k.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.dehuaB,
        quarter: Q4,
        scores: { branch_strong: { org_life: 10, team_building: 10 } },
        stars: [{ key: 'branch_strong', hold: false, reason: '组织生活未按期开展' }],
      });
      expect(p.statusCode, p.body).toBe(200);
      // Proposed: the branch's evidence for the quarter is frozen (the cycle part asks the rating).
      const frozen = await k.call('dehua', 'POST', '/api/v1/stars/evidence', {
        branchId: k.ids.dehuaB,
        quarter: Q4,
        starKey: 'branch_strong',
        indicatorKey: 'org_life',
        note: '补充会议记录',
      });
      expect(frozen.statusCode, frozen.body).toBe(409);
      expect(frozen.json().code).toBe('evidence.rating_proposed');
      const c = await k.call('duchashi', 'POST', `/api/v1/stars/ratings/${p.json().id}/confirm`, {});
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json()).toMatchObject({ starsHeld: 0 });

      const h = await k.call('dehua', 'GET', `/api/v1/stars/branches/${k.ids.dehuaB}/stars`);
      expect(h.statusCode, h.body).toBe(200);
      expect(h.json().held).toEqual([]);
      expect(h.json().awards).toEqual([
        expect.objectContaining({
          name: '支部过硬',
          awardedQuarter: Q3,
          awardReason: '组织生活规范',
          withdrawnQuarter: Q4,
          withdrawReason: '组织生活未按期开展',
        }),
      ]);
      // Q3's ranking still shows the star held then; Q4's has it gone, same rank, no movement.
      const q3 = (await k.call('leader', 'GET', `/api/v1/stars/rankings?quarter=${Q3}`)).json();
      expect(q3.rows[0]).toMatchObject({ branchName: '德化社区党支部', starNames: ['支部过硬'] });
      const q4 = (await k.call('leader', 'GET', `/api/v1/stars/rankings?quarter=${Q4}`)).json();
      expect(q4.rows[0]).toMatchObject({
        branchName: '德化社区党支部',
        rank: 1,
        previousRank: 1,
        movement: 0,
        stars: 0,
      });
      expect(q4.rows.filter((r: { rank: number | null }) => r.rank === null)).toHaveLength(3);
    });

    it('re-checks an award at confirmation: evidence gone since the proposal → 422 naming stars[0], nothing awarded', async () => {
      await rate('liufangpingB', Q3, 10);
      await evidence('liufangpingB', Q3);
      // The branch stayed silent past its deadline: the 街道 proposes from open.
      const p = await k.call('chengbei', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.liufangpingB,
        quarter: Q3,
        scores: { branch_strong: { org_life: 40, team_building: 30 } },
        stars: [{ key: 'branch_strong', hold: true, reason: '全优' }],
      });
      expect(p.statusCode, p.body).toBe(200);
      await k.h.database.db.deleteFrom('star_evidence').where('branch_id', '=', k.ids.liufangpingB!).execute();
      const before = await k.count('star_awards');
      const c = await k.call('leader', 'POST', `/api/v1/stars/ratings/${p.json().id}/confirm`, {});
      expect(c.statusCode, c.body).toBe(422);
      expect(c.json().errors[0].field).toBe('stars[0]');
      expect(await k.count('star_awards')).toBe(before);
      expect((await k.call('leader', 'GET', `/api/v1/stars/ratings/${p.json().id}`)).json().state).toBe('proposed');
    });

    it('refuses a quarter to come, a branch outside scope, and exports the ranking', async () => {
      const future = await k.call('dehua', 'POST', '/api/v1/stars/ratings/self-assess', {
        branchId: k.ids.dehuaB,
        quarter: '2027-Q1',
        text: 'x',
      });
      expect(future.statusCode, future.body).toBe(422);
      expect(future.json().errors[0].field).toBe('quarter');
      const outside = await k.call('chengbei', 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids.sunzuiB,
        quarter: Q3,
        scores: {},
        stars: [],
      });
      expect(outside.statusCode, outside.body).toBe(403);
      expect(outside.json().errors[0].field).toBe('branchId');
      const x = await k.call('leader', 'GET', `/api/v1/stars/rankings/export.xlsx?quarter=${Q3}`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('reminds whoever owes the next step: two working days before its deadline, then once overdue', async () => {
      const deps = {
        database: k.h.database,
        clock: k.h.clock,
        config: loadConfig({}),
        org: createOrgApi({ database: k.h.database, locator: new LocateService(k.h.database, k.h.clock) }),
        rateSources: [],
      };
      const told = async (who: 'duchashi' | 'chengbei') =>
        (await k.call(who, 'GET', '/api/v1/inbox'))
          .json()
          .items.filter((m: { kind: string }) => m.kind === 'stars.rating_deadline')
          .map((m: { title: string }) => m.title);
      // Friday 2026-10-09: the self-assessment is due 10-13, four working days on (Saturday 10-10 is one).
      expect((await remindRatings(deps, new Date('2026-10-09T02:00:00Z'))).reminded).toBe(0);
      // Monday 10-12: due soon for the two branches still open (孙嘴, 北关); 刘方平 is proposed, 德化 confirmed.
      expect(await remindRatings(deps, new Date('2026-10-12T02:00:00Z'))).toEqual({ checked: 4, reminded: 2 });
      expect(await told('chengbei')).toEqual(['【五星支部评比】北关社区党支部 2026-Q3 支部自评即将到期']);
      expect((await remindRatings(deps, new Date('2026-10-12T05:00:00Z'))).reminded).toBe(0);
      // Now (2026-11-30) every deadline has passed: overdue once each, the district's raters for 刘方平.
      expect((await remindRatings(deps, new Date('2026-11-30T02:00:00Z'))).reminded).toBe(3);
      expect(await told('duchashi')).toEqual(['【五星支部评比】刘方平村党支部 2026-Q3 区级确认已逾期']);
      expect((await remindRatings(deps, new Date('2026-12-01T02:00:00Z'))).reminded).toBe(0);
    });
  });
}
