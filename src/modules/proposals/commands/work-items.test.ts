import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { DEMO_PASSWORD, openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * 待答复提案 on the 工作台, counted by hand. Three proposals assigned on Monday 11-30:
 *   A: main 城管局, assisting 陈州街道, reply by Tue 12-01
 *   B: main 陈州街道, reply by Thu 12-03
 *   C: main 城管局, reply by 12-31 — 城管局 replies to it
 *   Mon 11-30 10:00  城管局 {A, C} → due soon {A} (the next working day); after its reply to C, {A};
 *                    陈州 {B} (an assisting unit owes no reply); 城北 0
 *   Wed 12-02 10:00  城管局 {A} overdue; 陈州 {B} due soon (Thursday is the next working day)
 * The ledger's list with ?toReply=true (and &replyOverdue=true) lists exactly those; 区领导 (who hears
 * progress), 督查室 and a 社区 get no line.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: proposals to answer on the 工作台`, () => {
    let f: DemoDistrict;
    const p: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
    let fresh: Record<string, string> | null = null;
    const get = async (who: string, url: string) => {
      if (!fresh) return f.call(who, 'GET', url);
      fresh[who] ??= await f.h.login(who, DEMO_PASSWORD);
      return f.h.call('GET', url, { cookie: fresh[who] });
    };
    const item = async (who: string) => {
      const r = await get(who, '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { code: string; total: number; overdue: number; dueSoon: number }[]).find(
        (i) => i.code === 'proposals.toReply',
      );
    };
    const listed = async (who: string, query: string) => {
      const r = await get(who, `/api/v1/proposals?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { id: string }[]).map((x) => x.id).sort();
    };
    const ok = async (who: string, url: string, body: object) => {
      const r = await f.call(who, 'POST', url, body);
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    const propose = async (title: string, main: string, assisting: string[], replyDeadline: string) => {
      const { id } = await ok('tianwei', '/api/v1/proposals', {
        title,
        category: '社会建设',
        content: '建议。',
        submittedOn: '2026-11-20',
        proposers: [{ name: '委员甲' }],
      });
      await ok('duchashi', `/api/v1/proposals/${id}/assign`, {
        mainHandlerIds: [main],
        assistingHandlerIds: assisting,
        replyDeadline,
      });
      return id as string;
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['tianwei', 'duchashi', 'leader', 'chengguan', 'chenzhou', 'chengbei', 'dehua']);
      const cg = f.me.chengguan!.unitId;
      p.a = await propose('关于整治占道经营的建议', cg, [f.units.chenzhou], '2026-12-01');
      p.b = await propose('关于老旧小区加装电梯的建议', f.units.chenzhou, [], '2026-12-03');
      p.c = await propose('关于增设公厕的建议', cg, [], '2026-12-31');
    });
    afterAll(() => f.h.close());

    it('counts the proposals waiting for the main handler’s reply, overdue and due soon, at two instants', async () => {
      expect(await item('chengguan')).toEqual(expect.objectContaining({ total: 2, overdue: 0, dueSoon: 1 }));
      expect(await listed('chengguan', 'toReply=true')).toEqual([p.a, p.c].sort());
      expect(await item('chenzhou')).toEqual(expect.objectContaining({ total: 1, overdue: 0, dueSoon: 0 }));
      expect(await listed('chenzhou', 'toReply=true')).toEqual([p.b]);
      expect(await item('chengbei')).toEqual(expect.objectContaining({ total: 0, overdue: 0, dueSoon: 0 }));
      expect(await listed('chengbei', 'toReply=true')).toEqual([]);

      await ok('chengguan', `/api/v1/proposals/${p.c}/consultations/waive`, { reason: '提案人表示无需见面' });
      await ok('chengguan', `/api/v1/proposals/${p.c}/reply`, { summary: '已研究办理。', replyClass: 'A' });
      expect(await item('chengguan')).toEqual(expect.objectContaining({ total: 1, overdue: 0, dueSoon: 1 }));

      f.h.clock.set('2026-12-02T02:00:00.000Z');
      fresh = {};
      try {
        expect(await item('chengguan')).toEqual(expect.objectContaining({ total: 1, overdue: 1, dueSoon: 0 }));
        expect(await listed('chengguan', 'toReply=true&replyOverdue=true')).toEqual([p.a]);
        expect(await item('chenzhou')).toEqual(expect.objectContaining({ total: 1, overdue: 0, dueSoon: 1 }));
        expect(await listed('chenzhou', 'toReply=true&replyOverdue=true')).toEqual([]);
      } finally {
        f.h.clock.set('2026-11-30T02:00:00.000Z');
        fresh = null;
      }
    });

    it('shows no line to those who do not reply (区领导, 督查室, a 社区), and their toReply list is empty', async () => {
      for (const who of ['leader', 'duchashi', 'dehua']) expect(await item(who)).toBeUndefined();
      expect(await listed('leader', 'toReply=true')).toEqual([]);
      expect((await listed('leader', 'status=assigned')).length).toBe(2);
    });
  });
}
