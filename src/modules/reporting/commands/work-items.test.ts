import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * The 工作台's reporting lines, counted by hand: a daily form every community owes by 16:00. On Monday
 * 德化 has sent today's report and 朱庄 has not; 陈州's other communities have not either.
 *   10:00  朱庄: 今日待报 1 (not overdue); 德化: 0; 陈州: 辖区今日未报 = its communities − 1, none overdue
 *   16:30  朱庄: 1, overdue 1; 陈州: the same number, all overdue (缺报)
 */
const FORM = {
  code: 'wb_daily',
  name: '工作台测试日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [{ code: 'visits', label: '走访户数', type: 'integer', required: true, min: 0, aggregation: 'sum' }],
  rules: [],
};

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: reports due today on the 工作台`, () => {
    let f: DemoDistrict;
    let communities: { chenzhou: number; chengbei: number };
    const items = async (who: string) => {
      const r = await f.call(who, 'GET', '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      const all = r.json().items as { code: string; total: number; overdue: number | null }[];
      const pick = (code: string) => all.find((i) => i.code === code);
      return { own: pick('reporting.ownDue'), scope: pick('reporting.scopeMissing') };
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'leader', 'dianxin']);
      const db = f.h.database.db;
      const count = async (id: string) =>
        (await f.ctx.org.children(db, id)).filter((u) => u.kind === 'community').length;
      communities = { chenzhou: await count(f.units.chenzhou), chengbei: await count(f.units.chengbei) };
      const form = await f.call('admin', 'POST', '/api/v1/report-forms', FORM);
      expect(form.statusCode, form.body).toBe(201);
      const sent = await f.call('dehua', 'POST', `/api/v1/report-forms/${form.json().id}/submissions`, {
        unitId: f.units.dehua,
        period: '2026-11-30',
        values: { visits: 3 },
      });
      expect(sent.statusCode, sent.body).toBe(201);
    });
    afterAll(() => f.h.close());

    it('counts my unit’s reports due today and the units of my scope still out, at two instants', async () => {
      expect(communities.chenzhou).toBeGreaterThan(1);
      expect((await items('zhuzhuang')).own).toMatchObject({ total: 1, overdue: 0 });
      expect((await items('dehua')).own).toMatchObject({ total: 0, overdue: 0 });
      expect((await items('chenzhou')).scope).toMatchObject({ total: communities.chenzhou - 1, overdue: 0 });
      expect((await items('chengbei')).scope).toMatchObject({ total: communities.chengbei, overdue: 0 });
      f.h.clock.set('2026-11-30T08:30:00.000Z'); // 16:30
      try {
        expect((await items('zhuzhuang')).own).toMatchObject({ total: 1, overdue: 1 });
        expect((await items('chenzhou')).scope).toMatchObject({
          total: communities.chenzhou - 1,
          overdue: communities.chenzhou - 1,
        });
      } finally {
        f.h.clock.set('2026-11-30T02:00:00.000Z');
      }
    });

    it('shows neither line to roles without report.submit / report.remind, nor 辖区 to the grid worker', async () => {
      for (const who of ['leader', 'dianxin']) expect(await items(who)).toEqual({ own: undefined, scope: undefined });
      const grid = await items('wgy_dehua');
      expect(grid.scope).toBeUndefined();
      // The grid worker's small grid owes no community form.
      expect(grid.own).toMatchObject({ total: 0 });
    });
  });
}
