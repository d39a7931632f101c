import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

type Item = { code: string; total: number; overdue: number | null; dueSoon: number | null };

/**
 * The "五星"支部 lines on the 工作台, counted by hand on the demo district (one branch per community or
 * village, long established; nothing reported yet).
 * Weekly progress (每周推进, due on the week's last working day):
 *   Mon 11-30  德化, 朱庄: last week (due Fri 11-27) missing, overdue; this week pending, due Fri 12-04,
 *              not yet due soon → 2
 *   Thu 12-03  this week due soon (Friday is the next working day); 德化 reports this week → 1
 *   Mon 12-07  德化: this week pending → 1; 朱庄: last week (11-30) missing + this week → 2
 * The rating of 2026-Q3 (the quarter just ended): on its 自评 deadline every branch is open, due soon for
 * the 社区; 德化 self-assesses, and waits for 陈州's 提名. On 11-30 every deadline has passed: every
 * branch of 陈州 waits for 陈州 (the silent ones too), overdue; 陈州 proposes 德化's, which then waits
 * for the district (督查室, 区领导 hold star.rate).
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 五星支部 on the 工作台`, () => {
    let f: CycleFixture;
    let branchesOfChenzhou = 0;
    const items = async (who: string) => {
      const r = await f.call(who, 'GET', '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      const all = r.json().items as Item[];
      const pick = (code: string) => {
        const i = all.find((x) => x.code === code);
        return i && { total: i.total, overdue: i.overdue, dueSoon: i.dueSoon };
      };
      return {
        weekly: pick('stars.weeklyDue'),
        self: pick('stars.selfAssess'),
        propose: pick('stars.propose'),
        confirm: pick('stars.confirm'),
      };
    };
    const at = async (iso: string, who: readonly string[]) => {
      f.h.clock.set(iso);
      for (const w of who) await f.relogin(w);
    };
    const USERS = ['dehua', 'zhuzhuang', 'chenzhou', 'chengbei', 'duchashi', 'leader'] as const;

    beforeAll(async () => {
      f = await openCycleFixture(tdb, USERS);
      const db = f.h.database.db;
      const code = f.ctx.config.districtCode;
      const chenzhou = (await f.ctx.org.unit(db, f.units.chenzhou))!;
      for (const kind of ['community', 'village'])
        branchesOfChenzhou += (await f.ctx.org.unitsUnder(db, code, chenzhou.path, { kind })).length;
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the weeks not reported, due soon before the due day and overdue after it', async () => {
      try {
        const start = { total: 2, overdue: 1, dueSoon: 0 };
        expect((await items('dehua')).weekly).toEqual(start);
        expect((await items('zhuzhuang')).weekly).toEqual(start);
        await at('2026-12-03T02:00:00Z', USERS);
        expect((await items('dehua')).weekly).toEqual({ total: 2, overdue: 1, dueSoon: 1 });
        const put = await f.call('dehua', 'PUT', `/api/v1/stars/branches/${f.branches.dehua}/weekly/2026-11-30`, {
          text: '开展了主题党日活动。',
        });
        expect(put.statusCode, put.body).toBeLessThan(300);
        expect((await items('dehua')).weekly).toEqual({ total: 1, overdue: 1, dueSoon: 0 });
        await at('2026-12-07T02:00:00Z', USERS);
        expect((await items('dehua')).weekly).toEqual({ total: 1, overdue: 0, dueSoon: 0 });
        expect((await items('zhuzhuang')).weekly).toEqual({ total: 2, overdue: 1, dueSoon: 0 });
        // Only the branch's own side reports: the 街道 and the district get no weekly line.
        expect((await items('chenzhou')).weekly).toBeUndefined();
        expect((await items('duchashi')).weekly).toBeUndefined();
      } finally {
        await at('2026-11-30T02:00:00Z', USERS);
      }
    });

    it('counts each stage of the quarter’s rating for whoever takes it, by its deadline', async () => {
      const list = await f.call('chenzhou', 'GET', '/api/v1/stars/ratings?quarter=2026-Q3');
      expect(list.statusCode, list.body).toBe(200);
      const deadlines = list.json().deadlines as { self: string; propose: string; confirm: string };
      try {
        // On the 自评 deadline (a working day), 10:00.
        await at(`${deadlines.self}T02:00:00Z`, USERS);
        expect(await items('dehua')).toMatchObject({
          self: { total: 1, overdue: 0, dueSoon: 1 },
          propose: undefined,
          confirm: undefined,
        });
        expect((await items('chenzhou')).propose).toEqual({ total: 0, overdue: 0, dueSoon: 0 });
        const self = await f.call('dehua', 'POST', '/api/v1/stars/ratings/self-assess', {
          branchId: f.branches.dehua,
          quarter: '2026-Q3',
          text: '本季度支部建设情况。',
        });
        expect(self.statusCode, self.body).toBeLessThan(300);
        expect((await items('dehua')).self).toEqual({ total: 0, overdue: 0, dueSoon: 0 });
        expect((await items('chenzhou')).propose).toEqual({ total: 1, overdue: 0, dueSoon: 0 });
        expect((await items('chengbei')).propose).toEqual({ total: 0, overdue: 0, dueSoon: 0 });

        await at('2026-11-30T02:00:00Z', USERS);
        expect((await items('zhuzhuang')).self).toEqual({ total: 1, overdue: 1, dueSoon: 0 });
        expect((await items('chenzhou')).propose).toEqual({
          total: branchesOfChenzhou,
          overdue: branchesOfChenzhou,
          dueSoon: 0,
        });
        const proposed = await f.call('chenzhou', 'POST', '/api/v1/stars/ratings/propose', {
          branchId: f.branches.dehua,
          quarter: '2026-Q3',
          scores: {},
          stars: [],
        });
        expect(proposed.statusCode, proposed.body).toBeLessThan(300);
        expect((await items('chenzhou')).propose).toMatchObject({ total: branchesOfChenzhou - 1 });
        expect((await items('duchashi')).confirm).toEqual({ total: 1, overdue: 1, dueSoon: 0 });
        expect((await items('leader')).confirm).toEqual({ total: 1, overdue: 1, dueSoon: 0 });
        // Another 街道's cadre waits for nothing of 陈州's; a 社区 does not propose.
        expect((await items('chengbei')).confirm).toBeUndefined();
        expect((await items('dehua')).propose).toBeUndefined();
      } finally {
        await at('2026-11-30T02:00:00Z', USERS);
      }
    });
  });
}
