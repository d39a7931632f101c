import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * The milestones due in a period of the tasks led in an area (GET /supervision/milestones-due): the list
 * behind the dashboard's 节点按期完成率, whose 到期 and 按期完成 are the measure's two counts.
 * Period 11-10 … 11-25, today 11-30. By hand:
 *   德化's task: 11-09 (done 11-05, the day before the period: out), 11-10 done 11-08 (on time),
 *     11-18 done 11-20 (late), 11-25 not done (due, late), 11-26 done 11-26 (the day after: out),
 *     12-05 (not yet due) → 3 due, 1 on time;
 *   朱庄's task: 11-15 done 11-15 → 1 / 1;   城北's task: 11-12 done 11-12 → 1 / 1;
 *   陈州 = 德化 + 朱庄 → 4 due, 2 on time; the district → 5 due, 3 on time.
 * A period ending after today counts up to today: 11-20 … 12-10 → 德化 11-25 and 11-26: 2 due, 1 on time.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the milestones due in an area`, () => {
    let f: DemoDistrict;
    const at = (day: string) => f.h.clock.set(`${day}T02:00:00.000Z`);
    const list = async (who: string, unitId: string, from: string, to: string) => {
      const r = await f.call(who, 'GET', `/api/v1/supervision/milestones-due?unitId=${unitId}&from=${from}&to=${to}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        due: number;
        onTime: number;
        end: string;
        items: { title: string; onTime: boolean; leadUnitName: string; taskTitle: string }[];
      };
    };
    const measure = async (who: string, unitId: string, from: string, to: string) => {
      const r = await f.call(
        who,
        'GET',
        `/api/v1/insights/areas?measure=supervision.taskOnTime&unitId=${unitId}&level=children&from=${from}&to=${to}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json().areas as { unit: { id: string }; numerator: number; denominator: number; link: string }[];
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['duchashi', 'leader', 'chenzhou', 'chengbei', 'dehua']);
      at('2026-11-01');
      const make = async (leadUnitId: string, title: string, dues: string[]) => {
        const r = await f.call('duchashi', 'POST', '/api/v1/tasks', {
          title,
          leadUnitId,
          start: '2026-11-01',
          deadline: '2026-12-31',
          milestones: dues.map((due) => ({ title: `节点 ${due}`, due })),
        });
        expect(r.statusCode, r.body).toBe(201);
        const id = r.json().id as string;
        const detail = (await f.call('duchashi', 'GET', `/api/v1/tasks/${id}`)).json();
        return {
          id,
          m: Object.fromEntries((detail.milestones as { id: string; due: string }[]).map((m) => [m.due, m.id])),
        };
      };
      const dehua = await make(f.units.dehua, '德化任务', [
        '2026-11-09',
        '2026-11-10',
        '2026-11-18',
        '2026-11-25',
        '2026-11-26',
        '2026-12-05',
      ]);
      const zhuzhuang = await make(f.units.zhuzhuang, '朱庄任务', ['2026-11-15']);
      const chengbei = await make(f.units.chengbei, '城北任务', ['2026-11-12']);
      const done = async (day: string, who: string, t: { id: string; m: Record<string, string> }, due: string) => {
        at(day);
        const r = await f.call(who, 'POST', `/api/v1/tasks/${t.id}/milestones/${t.m[due]}/done`);
        expect(r.statusCode, r.body).toBe(200);
      };
      await done('2026-11-05', 'dehua', dehua, '2026-11-09');
      await done('2026-11-08', 'dehua', dehua, '2026-11-10');
      await done('2026-11-12', 'chengbei', chengbei, '2026-11-12');
      await done('2026-11-15', 'chenzhou', zhuzhuang, '2026-11-15');
      await done('2026-11-20', 'dehua', dehua, '2026-11-18');
      await done('2026-11-26', 'dehua', dehua, '2026-11-26');
      at('2026-11-30');
    }, 120_000);
    afterAll(() => f.h.close());

    it('counts the milestones due in the period and those done on time, as counted by hand', async () => {
      const dehua = await list('dehua', f.units.dehua, '2026-11-10', '2026-11-25');
      expect([dehua.due, dehua.onTime]).toEqual([3, 1]);
      expect(dehua.items.map((i) => `${i.title}:${i.onTime}`)).toEqual([
        '节点 2026-11-25:false',
        '节点 2026-11-18:false',
        '节点 2026-11-10:true',
      ]);
      expect(dehua.items[0]).toMatchObject({ leadUnitName: '德化社区', taskTitle: '德化任务' });
      const chenzhou = await list('chenzhou', f.units.chenzhou, '2026-11-10', '2026-11-25');
      expect([chenzhou.due, chenzhou.onTime]).toEqual([4, 2]);
      const district = await list('leader', f.units.district, '2026-11-10', '2026-11-25');
      expect([district.due, district.onTime]).toEqual([5, 3]);
      // Up to today only: 12-05 is not due yet.
      const later = await list('dehua', f.units.dehua, '2026-11-20', '2026-12-10');
      expect([later.due, later.onTime, later.end]).toEqual([2, 1, '2026-11-30']);
    });

    it('has the counts of 节点按期完成率 for every area, and the measure links to it with the period', async () => {
      for (const [who, unitId, from, to] of [
        ['leader', f.units.district, '2026-11-10', '2026-11-25'],
        ['chenzhou', f.units.chenzhou, '2026-11-10', '2026-11-25'],
        ['leader', f.units.chenzhou, '2026-11-20', '2026-12-10'],
      ] as const) {
        const areas = await measure(who, unitId, from, to);
        expect(areas.length).toBeGreaterThan(1);
        for (const a of areas) {
          expect(a.link).toBe(`/supervision/milestones?unitId=${a.unit.id}&from=${from}&to=${to}`);
          const l = await list(who, a.unit.id, from, to);
          expect([l.onTime, l.due]).toEqual([a.numerator, a.denominator]);
        }
        const whole = await list(who, unitId, from, to);
        expect(whole.due).toBe(areas.reduce((n, a) => n + a.denominator, 0));
      }
      const [chenzhou] = (await measure('leader', f.units.district, '2026-11-10', '2026-11-25')).filter(
        (a) => a.unit.id === f.units.chenzhou,
      );
      expect([chenzhou!.numerator, chenzhou!.denominator]).toEqual([2, 4]);
    });

    it('refuses a unit outside the scope (403), a reversed or malformed period or unit (400)', async () => {
      const out = await f.call(
        'dehua',
        'GET',
        `/api/v1/supervision/milestones-due?unitId=${f.units.chengbei}&from=2026-11-10&to=2026-11-25`,
      );
      expect(out.statusCode).toBe(403);
      expect(out.json().errors[0].field).toBe('unitId');
      const reversed = await f.call(
        'dehua',
        'GET',
        `/api/v1/supervision/milestones-due?unitId=${f.units.dehua}&from=2026-11-25&to=2026-11-10`,
      );
      expect(reversed.statusCode).toBe(400);
      expect(JSON.stringify(reversed.json())).toContain('from');
      for (const qs of ['from=2026-11&to=2026-11-25', 'unitId=dehua&from=2026-11-10&to=2026-11-25', 'from=2026-11-10'])
        expect((await f.call('dehua', 'GET', `/api/v1/supervision/milestones-due?${qs}`)).statusCode).toBe(400);
    });
  });
}
