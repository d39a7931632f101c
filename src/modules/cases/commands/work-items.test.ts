import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { checkDeadlines } from './check-deadlines.js';
import { DEMO_PASSWORD, openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/**
 * 待我处理的问题 on the 工作台: the cases whose next step the account's roles and scope may take, and
 * the ledger's `waiting` filter listing exactly them. Five cases of 德化社区 at five stages, counted
 * by hand per account, at two instants (Monday 10:00 and Friday 10:00, Shanghai).
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: cases waiting for my step`, () => {
    let f: DemoDistrict;
    const c: Record<'reported' | 'accepted' | 'dispatched1' | 'dispatched5' | 'verifying', string> = {} as never;
    const act = async (who: string, id: string, body: object) => {
      const r = await f.call(who, 'POST', `/api/v1/cases/${id}/actions`, body);
      if (r.statusCode !== 200) throw new Error(`${who} ${JSON.stringify(body)}: ${r.statusCode} ${r.body}`);
    };
    const dispatch = (id: string, days: number) =>
      act('chenzhou', id, {
        type: 'dispatch',
        payload: { unitId: f.me.dianxin!.unitId, timeLimit: { value: days, unit: 'days' } },
      });
    // Sessions last 12 hours: at the later instant each account logs in again.
    let fresh: Record<string, string> | null = null;
    const get = async (who: string, url: string) => {
      if (!fresh) return f.call(who, 'GET', url);
      fresh[who] ??= await f.h.login(who, DEMO_PASSWORD);
      return f.h.call('GET', url, { cookie: fresh[who] });
    };
    const item = async (who: string) => {
      const r = await get(who, '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { code: string; total: number; overdue: number; dueSoon: number; link: string }[]).find(
        (i) => i.code === 'cases.waiting',
      );
    };
    const ledger = async (who: string, waiting: string) => {
      const r = await get(who, `/api/v1/cases?waiting=${waiting}&limit=200`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { id: string }[]).map((x) => x.id).sort();
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'duchashi', 'chenzhou', 'chengbei', 'dehua', 'dianxin', 'tianwei']);
      for (const k of Object.keys({ reported: 0, accepted: 0, dispatched1: 0, dispatched5: 0, verifying: 0 }))
        c[k as keyof typeof c] = await f.report('wgy_dehua', f.points.dehua);
      for (const id of [c.accepted, c.dispatched1, c.dispatched5, c.verifying])
        await act('chenzhou', id, { type: 'accept' });
      await dispatch(c.dispatched1, 1); // due Tuesday 10:00
      await dispatch(c.dispatched5, 5); // due next Monday 10:00
      await dispatch(c.verifying, 5);
      await act('dianxin', c.verifying, { type: 'start' });
      await act('dianxin', c.verifying, { type: 'feedback', comment: '已处理' });
    });
    afterAll(() => f.h.close());

    // By hand, from the workflow (docs/problem-ledger.md): 上报 waits for the community (上报街道) and
    // the 街道 (受理); 受理 for the 街道 (派遣); 派遣 for the unit (签收 / 退回); 待核查 for the grid worker
    // and the community (核查), never for the unit that handled it. The district's offices triage only
    // what a 街道 escalated; the leader takes no such step.
    const expected = {
      dehua: [c, ['reported', 'verifying']],
      chenzhou: [c, ['reported', 'accepted']],
      dianxin: [c, ['dispatched1', 'dispatched5']],
      wgy_dehua: [c, ['verifying']],
      chengbei: [c, []],
      duchashi: [c, []],
    } as const;
    const ids = (keys: readonly string[]) => keys.map((k) => c[k as keyof typeof c]).sort();

    it('counts, per account, the cases whose next step its roles and scope may take', async () => {
      for (const [who, [, keys]] of Object.entries(expected)) {
        const it = await item(who);
        expect(it?.total, who).toBe(keys.length);
        expect(it?.link).toBe('/cases?waiting=me');
        expect(await ledger(who, 'me'), who).toEqual(ids(keys));
      }
    });

    it('splits the unit’s cases into due soon and overdue at two instants, as the ledger lists them', async () => {
      // Monday 10:00: due soon = deadline before Wednesday 00:00 (the end of the next working day).
      expect(await item('dianxin')).toMatchObject({ total: 2, overdue: 0, dueSoon: 1 });
      expect(await ledger('dianxin', 'due_soon')).toEqual(ids(['dispatched1']));
      expect(await ledger('dianxin', 'overdue')).toEqual([]);
      // Friday 10:00: Tuesday's deadline passed; next Monday's falls before Tuesday 00:00.
      f.h.clock.set('2026-12-04T02:00:00.000Z');
      fresh = {};
      try {
        expect(await item('dianxin')).toMatchObject({ total: 2, overdue: 1, dueSoon: 1 });
        expect(await ledger('dianxin', 'overdue')).toEqual(ids(['dispatched1']));
        expect(await ledger('dianxin', 'due_soon')).toEqual(ids(['dispatched5']));
        // The 街道's and community's waiting cases have no running clock: neither overdue nor due soon.
        expect(await item('chenzhou')).toMatchObject({ total: 2, overdue: 0, dueSoon: 0 });
      } finally {
        f.h.clock.set('2026-11-30T02:00:00.000Z');
        fresh = null;
      }
    });

    it('shows no ledger line to an account without case.read (政协提案委), nor to one that takes no step (区领导)', async () => {
      expect(await item('tianwei')).toBeUndefined();
      expect(await item('leader')).toBeUndefined();
    });

    it('gives those who urge on (区领导, 督查室) the overdue cases of their scope, exactly the ledger’s overdue list', async () => {
      const overdue = async (who: string) => {
        const r = await get(who, '/api/v1/workbench');
        return (r.json().items as { code: string; total: number; overdue: number }[]).find(
          (i) => i.code === 'cases.overdueInScope',
        );
      };
      const listed = async (who: string) =>
        ((await get(who, '/api/v1/cases?deadlineStatus=overdue&limit=200')).json().items as { id: string }[])
          .map((x) => x.id)
          .sort();
      // Monday: nothing is late yet.
      expect(await overdue('leader')).toMatchObject({ total: 0, overdue: 0 });
      expect(await listed('leader')).toEqual([]);
      // Friday 10:00, after the scheduled deadline check: Tuesday's dispatch (dispatched1) is late.
      f.h.clock.set('2026-12-04T02:00:00.000Z');
      fresh = {};
      try {
        await checkDeadlines(f.h.context, f.h.clock.now());
        expect(await overdue('leader')).toMatchObject({ total: 1, overdue: 1 });
        expect(await overdue('duchashi')).toMatchObject({ total: 1, overdue: 1 });
        expect(await listed('leader')).toEqual(ids(['dispatched1']));
        // Those who handle or triage have their own line instead.
        expect(await overdue('chenzhou')).toBeUndefined();
      } finally {
        f.h.clock.set('2026-11-30T02:00:00.000Z');
        fresh = null;
      }
    });
  });
}
