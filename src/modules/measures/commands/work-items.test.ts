import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { closeFollowUpDays } from './day-end.js';
import { openMeasuresFixture, ownersFor, type MeasuresFixture } from '../http/test-kit.js';

/**
 * 今日待随访 on the 工作台, counted by hand: a measure on a 德化 resident (owners 陈州, 德化, 民警, 医生)
 * and one on a 朱庄 resident (陈州, 朱庄, the same 民警 and 医生), both from Monday 11-30.
 *   Mon 11-30 10:00  each owner: today's of the measures they own; 民警 records 德化's → 德化 0, 民警 1
 *   Tue 12-01 10:00  before the day-end job: 朱庄's 11-30 is still pending → overdue 1 (+ today's);
 *                    after the job it is missed (未见到) and no longer waits
 * Owners of nothing (城北's cadre, a second 民警) count 0; 区领导 (no followup.record) gets no line.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: follow-ups due on the 工作台`, () => {
    let f: MeasuresFixture;
    let dehuaMeasure = '';

    const item = async (who: string) => {
      const r = await f.call(who, 'GET', '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { code: string; total: number; overdue: number; dueSoon: number }[]).find(
        (i) => i.code === 'measures.followUpsDue',
      );
    };
    const start = async (community: 'dehua' | 'zhuzhuang', residentId: string) => {
      const r = await f.call(community, 'POST', '/api/v1/measures', {
        residentId,
        type: 'home_isolation',
        startDay: '2026-11-30',
        lengthDays: 5,
        testDays: [],
        owners: ownersFor(f, community),
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };

    beforeAll(async () => {
      f = await openMeasuresFixture(tdb, [
        'chenzhou',
        'chengbei',
        'dehua',
        'zhuzhuang',
        'minjing',
        'minjing2',
        'leader',
      ]);
      dehuaMeasure = await start('dehua', f.residents.dehua1);
      await start('zhuzhuang', f.residents.zhuzhuang);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the owner’s follow-ups not yet recorded, today’s due soon and past days overdue', async () => {
      expect(await item('dehua')).toMatchObject({ total: 1, overdue: 0, dueSoon: 1 });
      expect(await item('zhuzhuang')).toMatchObject({ total: 1, overdue: 0, dueSoon: 1 });
      expect(await item('chenzhou')).toMatchObject({ total: 2, overdue: 0, dueSoon: 2 });
      expect(await item('minjing')).toMatchObject({ total: 2, overdue: 0, dueSoon: 2 });
      // Owners of nothing: another 街道's cadre, another police officer of the same station.
      expect(await item('chengbei')).toMatchObject({ total: 0, overdue: 0, dueSoon: 0 });
      expect(await item('minjing2')).toMatchObject({ total: 0, overdue: 0, dueSoon: 0 });

      // The phone page lists the same of today.
      const today = (await f.call('minjing', 'GET', '/api/v1/follow-ups')).json();
      expect(today.items.filter((i: { status: string }) => i.status === 'not_performed')).toHaveLength(2);

      const rec = await f.call('minjing', 'POST', '/api/v1/follow-ups', {
        measureId: dehuaMeasure,
        status: 'seen_ok',
        method: 'visit',
      });
      expect(rec.statusCode, rec.body).toBe(201);
      // One owner's record answers for all four.
      expect(await item('dehua')).toMatchObject({ total: 0 });
      expect(await item('minjing')).toMatchObject({ total: 1, overdue: 0, dueSoon: 1 });

      f.h.clock.set('2026-12-01T02:00:00Z'); // Tue 10:00
      await f.relogin();
      try {
        expect(await item('dehua')).toMatchObject({ total: 1, overdue: 0, dueSoon: 1 });
        expect(await item('zhuzhuang')).toMatchObject({ total: 2, overdue: 1, dueSoon: 1 });
        expect(await item('minjing')).toMatchObject({ total: 3, overdue: 1, dueSoon: 2 });
        await closeFollowUpDays(f.deps, f.h.clock.now());
        expect(await item('zhuzhuang')).toMatchObject({ total: 1, overdue: 0, dueSoon: 1 });
        expect(await item('minjing')).toMatchObject({ total: 2, overdue: 0, dueSoon: 2 });
      } finally {
        f.h.clock.set('2026-11-30T02:00:00Z');
        await f.relogin();
      }
    });

    it('shows no line to a role that does not follow up (区领导)', async () => {
      expect(await item('leader')).toBeUndefined();
    });
  });
}
