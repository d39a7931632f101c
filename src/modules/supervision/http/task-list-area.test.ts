import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * The task board narrowed to an area (`unitId`, by lead unit) and to the tasks not done (`open`): the
 * list behind the dashboard's 在办任务数 and 逾期任务数, so its total is the number clicked.
 * Tasks: 德化 leads one overdue (deadline 11-20) and one on track; 朱庄 leads one on track with 德化
 * co-operating; 城北 leads one.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the task list of an area`, () => {
    let f: DemoDistrict;
    const ids: Record<string, string> = {};
    const list = async (who: string, qs: string) => {
      const r = await f.call(who, 'GET', `/api/v1/tasks?${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { items: { id: string }[]; counts: Record<string, number> };
      return { ids: page.items.map((t) => t.id).sort(), counts: page.counts };
    };
    const figure = async (who: string, unitId: string, code: string) => {
      const r = await f.call(who, 'GET', `/api/v1/insights/dashboard?unitId=${unitId}&from=2026-11-01&to=2026-11-30`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().figures as { code: string; value: number }[]).find((x) => x.code === code)!.value;
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['duchashi', 'leader', 'chenzhou', 'dehua']);
      const make = async (key: string, leadUnitId: string, deadline: string, cooperatingUnitIds: string[] = []) => {
        const r = await f.call('duchashi', 'POST', '/api/v1/tasks', {
          title: `区域任务 ${key}`,
          leadUnitId,
          cooperatingUnitIds,
          start: '2026-11-01',
          deadline,
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await make('dehuaLate', f.units.dehua, '2026-11-20');
      await make('dehuaOpen', f.units.dehua, '2026-12-31');
      await make('zhuzhuang', f.units.zhuzhuang, '2026-12-31', [f.units.dehua]);
      await make('chengbei', f.units.chengbei, '2026-12-31');
    });
    afterAll(() => f.h.close());

    it('lists the open tasks led in an area, as many as 在办任务数 and 逾期任务数 of the dashboard', async () => {
      const chenzhou = await list('leader', `unitId=${f.units.chenzhou}&open=true`);
      expect(chenzhou.ids).toEqual([ids.dehuaLate, ids.dehuaOpen, ids.zhuzhuang].sort());
      expect(chenzhou.ids.length).toBe(await figure('leader', f.units.chenzhou, 'supervision.openTasks'));
      const late = await list('leader', `unitId=${f.units.dehua}&status=overdue`);
      expect(late.ids).toEqual([ids.dehuaLate]);
      expect(late.ids.length).toBe(await figure('leader', f.units.dehua, 'supervision.overdueTasks'));
      // The counts by status are the area's, so the board's 全部 / 逾期 buttons show the same numbers.
      expect(chenzhou.counts.overdue).toBe(1);
      expect(Object.values((await list('leader', `unitId=${f.units.chengbei}`)).counts).reduce((a, b) => a + b)).toBe(
        1,
      );
      // The district: every task, all four.
      const all = await list('leader', `unitId=${f.units.district}&open=true`);
      expect(all.ids.length).toBe(4);
      expect(all.ids.length).toBe(await figure('leader', f.units.district, 'supervision.openTasks'));
    });

    it('leaves out tasks an area only co-operates on or that are done', async () => {
      expect((await list('dehua', `unitId=${f.units.dehua}`)).ids).toEqual([ids.dehuaLate, ids.dehuaOpen].sort());
      expect((await list('chenzhou', `unitId=${f.units.zhuzhuang}&open=false`)).ids).toEqual([ids.zhuzhuang]);
      expect((await list('leader', `unitId=${f.units.chengbei}&status=done`)).ids).toEqual([]);
    });

    it('refuses a unit outside the caller’s scope (403) and a malformed one (400), naming unitId', async () => {
      const out = await f.call('dehua', 'GET', `/api/v1/tasks?unitId=${f.units.chengbei}`);
      expect(out.statusCode).toBe(403);
      expect(out.json().errors[0].field).toBe('unitId');
      const bad = await f.call('dehua', 'GET', '/api/v1/tasks?unitId=dehua');
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('unitId');
    });
  });
}
