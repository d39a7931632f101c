import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { DEMO_PASSWORD, openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * The 工作台's supervision lines, counted by hand: a task led by 德化 with milestones due 11-27, 11-30,
 * 12-01 and 12-10 (deadline 12-31), and a 督办 with two working days to answer.
 *   Mon 11-30 10:00  overdue {11-27}; due soon (today or the next working day, 12-01) {11-30, 12-01}
 *                    → 3 (1 overdue, 2 due soon); 督办 1, not overdue
 *   Wed 12-09 10:00  overdue {11-27, 11-30, 12-01}; due soon (by Thu 12-10) {12-10} → 4; 督办 1, overdue
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: tasks and 督办 on the 工作台`, () => {
    let f: DemoDistrict;
    let noticeId: string;
    let fresh: Record<string, string> | null = null;
    const items = async (who: string) => {
      let r;
      if (fresh) {
        fresh[who] ??= await f.h.login(who, DEMO_PASSWORD);
        r = await f.h.call('GET', '/api/v1/workbench', { cookie: fresh[who] });
      } else r = await f.call(who, 'GET', '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      const all = r.json().items as { code: string; total: number; overdue: number | null; dueSoon: number | null }[];
      return {
        due: all.find((i) => i.code === 'supervision.due'),
        notices: all.find((i) => i.code === 'supervision.notices'),
      };
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['duchashi', 'dehua', 'zhuzhuang', 'leader']);
      const task = await f.call('duchashi', 'POST', '/api/v1/tasks', {
        title: '工作台测试任务',
        leadUnitId: f.units.dehua,
        start: '2026-11-01',
        deadline: '2026-12-31',
        milestones: ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-10'].map((due) => ({
          title: `节点 ${due}`,
          due,
        })),
      });
      expect(task.statusCode, task.body).toBe(201);
      const sent = await f.call('duchashi', 'POST', `/api/v1/tasks/${task.json().id}/notices`, {
        kind: 'supervise',
        content: '请说明进度。',
        replyWithinWorkdays: 2,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      noticeId = sent.json().id;
    });
    afterAll(() => f.h.close());

    it('counts the lead unit’s milestones overdue and due soon, and its unanswered 督办, at two instants', async () => {
      expect(await items('dehua')).toMatchObject({
        due: { total: 3, overdue: 1, dueSoon: 2 },
        notices: { total: 1, overdue: 0 },
      });
      // 朱庄 leads nothing.
      expect(await items('zhuzhuang')).toMatchObject({ due: { total: 0 }, notices: { total: 0 } });
      f.h.clock.set('2026-12-09T02:00:00.000Z');
      fresh = {};
      try {
        expect(await items('dehua')).toMatchObject({
          due: { total: 4, overdue: 3, dueSoon: 1 },
          notices: { total: 1, overdue: 1 },
        });
        const reply = await f.h.call('POST', `/api/v1/task-notices/${noticeId}/reply`, {
          cookie: fresh.dehua!,
          body: { reply: '已推进。' },
        });
        expect(reply.statusCode, reply.body).toBe(200);
        expect((await items('dehua')).notices).toMatchObject({ total: 0, overdue: 0 });
      } finally {
        f.h.clock.set('2026-11-30T02:00:00.000Z');
        fresh = null;
      }
    });

    it('shows neither line to a role without task.report (区领导)', async () => {
      expect(await items('leader')).toEqual({ due: undefined, notices: undefined });
    });
  });
}
