import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { DEMO_PASSWORD, openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * 本单位待办 says up to which day an item is 临期 (`dueSoonUntil`, the next working day), so its page
 * can list exactly what the 工作台's 任务节点临期或超期 counts: the items, notices aside, overdue or due
 * by then. 德化 leads a task with milestones 11-27 … 12-10; Mon 11-30 and Fri 12-04 (next working
 * day Mon 12-07).
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 本单位待办's 临期 day`, () => {
    let f: DemoDistrict;

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['duchashi', 'dehua']);
      const task = await f.call('duchashi', 'POST', '/api/v1/tasks', {
        title: '临期测试任务',
        leadUnitId: f.units.dehua,
        start: '2026-11-01',
        deadline: '2026-12-31',
        milestones: ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-04', '2026-12-07', '2026-12-08'].map((due) => ({
          title: `节点 ${due}`,
          due,
        })),
      });
      expect(task.statusCode, task.body).toBe(201);
    });
    afterAll(() => f.h.close());

    const at = async (instant: string) => {
      f.h.clock.set(instant);
      const cookie = await f.h.login('dehua', DEMO_PASSWORD);
      const view = (await f.h.call('GET', '/api/v1/supervision/unit-view', { cookie })).json() as {
        dueSoonUntil: string;
        items: { what: string; due: string; overdue: boolean }[];
      };
      const wb = (await f.h.call('GET', '/api/v1/workbench', { cookie })).json();
      const line = (wb.items as { code: string; total: number }[]).find((i) => i.code === 'supervision.due')!;
      const listed = view.items.filter((i) => i.what !== 'notice' && (i.overdue || i.due <= view.dueSoonUntil));
      return { until: view.dueSoonUntil, listed: listed.map((i) => i.due), total: line.total };
    };

    it('names the next working day, and the items due by then are the 工作台 count, at two instants', async () => {
      const mon = await at('2026-11-30T02:00:00.000Z');
      expect(mon.until).toBe('2026-12-01');
      expect(mon.listed).toEqual(['2026-11-27', '2026-11-30', '2026-12-01']);
      expect(mon.listed.length).toBe(mon.total);
      const fri = await at('2026-12-04T02:00:00.000Z');
      expect(fri.until).toBe('2026-12-07');
      expect(fri.listed).toEqual(['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-04', '2026-12-07']);
      expect(fri.listed.length).toBe(fri.total);
    });
  });
}
