import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { newId } from '../../../kernel/ids.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

/**
 * 季度评比完成率 and 支部获星数 on the dashboard, counted by hand on the demo district (one branch per
 * community or village). On Monday 11-30 the quarter being rated is 2026-Q3: 德化's branch is
 * self-assessed, proposed by 陈州 and confirmed by the district → 德化 1/1, 朱庄 0/1, 陈州 1/(its
 * branches). Stars: 德化 holds one (a second was withdrawn in Q3), 朱庄 one → 德化 1, 朱庄 1, 陈州 2,
 * 城北 0.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 五星支部 measures`, () => {
    let f: CycleFixture;
    let branchesOfChenzhou = 0;
    const areas = async (who: string, measure: string, unitId: string) => {
      const r = await f.call(
        who,
        'GET',
        `/api/v1/insights/areas?measure=${measure}&unitId=${unitId}&level=children&from=2026-11-30&to=2026-11-30`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return Object.fromEntries(
        (r.json().areas as { unit: { id: string }; numerator: number; denominator: number | null }[]).map((a) => [
          a.unit.id,
          a.denominator === null ? a.numerator : `${a.numerator}/${a.denominator}`,
        ]),
      );
    };
    const ok = async (who: string, url: string, body: object) => {
      const r = await f.call(who, 'POST', url, body);
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };

    beforeAll(async () => {
      f = await openCycleFixture(tdb, ['dehua', 'chenzhou', 'chengbei', 'duchashi', 'leader']);
      const db = f.h.database.db;
      const code = f.ctx.config.districtCode;
      const chenzhou = (await f.ctx.org.unit(db, f.units.chenzhou))!;
      for (const kind of ['community', 'village'])
        branchesOfChenzhou += (await f.ctx.org.unitsUnder(db, code, chenzhou.path, { kind })).length;
      const quarter = '2026-Q3';
      const branchId = f.branches.dehua;
      await ok('dehua', '/api/v1/stars/ratings/self-assess', { branchId, quarter, text: '本季度支部建设情况。' });
      const { id } = await ok('chenzhou', '/api/v1/stars/ratings/propose', {
        branchId,
        quarter,
        scores: {},
        stars: [],
      });
      await ok('duchashi', `/api/v1/stars/ratings/${id}/confirm`, {});
      // Stars as the rating's awards leave them (a rating awarding stars needs their evidence; the
      // figure reads only the awards).
      const award = async (key: string, branch: string, awarded: string, withdrawn: string | null) => {
        const b = (await f.ctx.org.unit(db, branch))!;
        await db
          .insertInto('star_awards')
          .values({
            id: newId(Date.now()),
            district_code: code,
            branch_id: b.id,
            branch_path: b.path,
            star_key: key,
            star_name: key,
            awarded_quarter: awarded,
            award_reason: '测试',
            awarded_rating_id: newId(Date.now()),
            awarded_by: f.accounts.leader!,
            awarded_by_name: '区领导',
            awarded_at: '2026-07-10T02:00:00.000Z',
            withdrawn_quarter: withdrawn,
            withdraw_reason: withdrawn ? '测试' : null,
            withdrawn_rating_id: null,
            withdrawn_by: null,
            withdrawn_by_name: null,
            withdrawn_at: null,
          })
          .execute();
      };
      // 朱庄 awaits the district's confirmation of Q3 (proposed, not confirmed) while holding a star: the
      // ranking leaves it 未评, the stars held count it.
      await ok('chenzhou', '/api/v1/stars/ratings/propose', {
        branchId: f.branches.zhuzhuang,
        quarter,
        scores: {},
        stars: [],
      });
      await award('branch_strong', f.branches.dehua, '2026-Q2', null);
      await award('service', f.branches.dehua, '2026-Q1', '2026-Q3');
      await award('branch_strong', f.branches.zhuzhuang, '2026-Q3', null);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the branches whose rating of the quarter being rated is confirmed, of those rated', async () => {
      const children = await areas('leader', 'stars.ratingConfirmedRate', f.units.chenzhou);
      expect(children[f.units.dehua]).toBe('1/1');
      expect(Object.keys(children)).toHaveLength(branchesOfChenzhou);
      expect(Object.values(children).filter((v) => v === '0/1')).toHaveLength(branchesOfChenzhou - 1);
      const district = await areas('duchashi', 'stars.ratingConfirmedRate', f.h.districtId);
      expect(district[f.units.chenzhou]).toBe(`1/${branchesOfChenzhou}`);
      expect(district[f.units.chengbei]).toMatch(/^0\/[1-9]\d*$/);
    });

    it('counts the stars held now, not those withdrawn', async () => {
      const children = await areas('chenzhou', 'stars.starsHeld', f.units.chenzhou);
      const zhuzhuang = (await f.ctx.org.unitByName(f.h.database.db, f.ctx.config.districtCode, '朱庄社区'))!.id;
      expect([children[f.units.dehua], children[zhuzhuang]]).toEqual([1, 1]);
      expect(Object.values(children).reduce((a, b) => Number(a) + Number(b), 0)).toBe(2);
      const district = await areas('leader', 'stars.starsHeld', f.h.districtId);
      expect([district[f.units.chenzhou], district[f.units.chengbei]]).toEqual([2, 0]);
      // 城北's cadre may not look into 陈州.
      const other = await f.call(
        'chengbei',
        'GET',
        `/api/v1/insights/areas?measure=stars.starsHeld&unitId=${f.units.chenzhou}&from=2026-11-30&to=2026-11-30`,
      );
      expect(other.statusCode).toBe(403);
    });

    it('links each area’s 支部获星数 to the list of the stars held there, whose total is that number', async () => {
      const held = async (who: string, unitId: string) => {
        const r = await f.call(who, 'GET', `/api/v1/stars/held?unitId=${unitId}`);
        expect(r.statusCode, r.body).toBe(200);
        return r.json() as { total: number; branches: number; items: { branchId: string; starKey: string }[] };
      };
      // By hand: 德化 holds 支部过硬 (its 服务 star withdrawn in Q3 is not held), 朱庄 — awaiting
      // confirmation — holds 支部过硬; nothing else in 陈州, nothing in 城北.
      const chenzhou = await held('chenzhou', f.units.chenzhou);
      expect(chenzhou.total).toBe(2);
      expect(chenzhou.branches).toBe(2);
      expect(chenzhou.items.map((i) => `${i.branchId}:${i.starKey}`).sort()).toEqual(
        [`${f.branches.dehua}:branch_strong`, `${f.branches.zhuzhuang}:branch_strong`].sort(),
      );
      expect((await held('leader', f.units.chengbei)).total).toBe(0);
      const rating = await f.call(
        'chenzhou',
        'GET',
        `/api/v1/stars/ratings/branch?branchId=${f.branches.zhuzhuang}&quarter=2026-Q3`,
      );
      expect(rating.json().state).toBe('proposed');
      for (const [who, unitId] of [
        ['leader', f.h.districtId],
        ['chenzhou', f.units.chenzhou],
      ] as const) {
        const r = await f.call(
          who,
          'GET',
          `/api/v1/insights/areas?measure=stars.starsHeld&unitId=${unitId}&level=children&from=2026-11-30&to=2026-11-30`,
        );
        const rows = r.json().areas as { unit: { id: string }; numerator: number; link: string }[];
        expect(rows.length).toBeGreaterThan(1);
        for (const a of rows) {
          expect(a.link).toBe(`/stars/held?unitId=${a.unit.id}`);
          expect((await held(who, a.unit.id)).total).toBe(a.numerator);
        }
        expect((await held(who, unitId)).total).toBe(rows.reduce((n, a) => n + a.numerator, 0));
      }
      // Outside the caller's scope: 403 naming unitId; a malformed unitId: 400.
      const other = await f.call('chengbei', 'GET', `/api/v1/stars/held?unitId=${f.units.chenzhou}`);
      expect(other.statusCode).toBe(403);
      expect(other.body).toContain('unitId');
      expect((await f.call('chengbei', 'GET', '/api/v1/stars/held?unitId=nope')).statusCode).toBe(400);
    });

    it('links each area’s 季度评比完成率 to the rating list of that area, whose states make the two counts', async () => {
      for (const [who, unitId] of [
        ['leader', f.h.districtId],
        ['chenzhou', f.units.chenzhou],
      ] as const) {
        const r = await f.call(
          who,
          'GET',
          `/api/v1/insights/areas?measure=stars.ratingConfirmedRate&unitId=${unitId}&level=children&from=2026-11-30&to=2026-11-30`,
        );
        const rows = r.json().areas as { unit: { id: string }; numerator: number; denominator: number; link: string }[];
        for (const a of rows) {
          expect(a.link).toBe(`/stars/rating?unitId=${a.unit.id}`);
          // The page opens on the quarter just ended: the one the measure rates.
          const list = await f.call(who, 'GET', `/api/v1/stars/ratings?quarter=2026-Q3&unitId=${a.unit.id}`);
          expect(list.statusCode, list.body).toBe(200);
          const items = list.json().items as { state: string }[];
          expect(items.filter((i) => i.state === 'confirmed')).toHaveLength(a.numerator);
          expect(items).toHaveLength(a.denominator);
        }
      }
    });
  });
}
