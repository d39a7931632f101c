import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openMeasuresFixture, ownersFor, type MeasuresFixture } from './test-kit.js';

const USERS = ['admin', 'chenzhou', 'dehua', 'zhuzhuang', 'minjing', 'yisheng'] as const;

// The harness's clock: 2026-11-30 10:00 in Shanghai.
for (const tdb of testDatabases()) {
  describe(`在管人数 pre-fills the daily forms (${tdb.name})`, () => {
    let f: MeasuresFixture;
    let formId = '';
    beforeAll(async () => {
      f = await openMeasuresFixture(tdb, USERS);
      const start = async (
        residentId: string,
        type: string,
        startDay: string,
        lengthDays: number,
        c: 'dehua' | 'zhuzhuang',
      ) => {
        const r = await f.call(c, 'POST', '/api/v1/measures', {
          residentId,
          type,
          startDay,
          lengthDays,
          owners: ownersFor(f, c),
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      // 德化: one in isolation from today for 7 days, one monitored from 12-03; 朱庄: one in isolation.
      await start(f.residents.dehua1, 'home_isolation', '2026-11-30', 7, 'dehua');
      await start(f.residents.dehua2, 'home_monitoring', '2026-12-03', 3, 'dehua');
      const zz = await start(f.residents.zhuzhuang, 'home_isolation', '2026-11-30', 14, 'zhuzhuang');
      // Moved to hospital the same day: under management on 11-30, no longer after.
      const ended = await f.call('zhuzhuang', 'POST', `/api/v1/measures/${zz}/end`, {
        outcome: 'hospital',
        reason: '转院',
      });
      expect(ended.statusCode, ended.body).toBe(200);
      const form = await f.call('admin', 'POST', '/api/v1/report-forms', {
        code: 'control_daily',
        name: '管控日报',
        periodType: 'daily',
        deadline: { time: '18:00', dayOffset: 0 },
        allowZero: false,
        reporters: { kind: 'level', unitKind: 'community' },
        fields: [
          { code: 'under', label: '在管人数', type: 'integer', min: 0, source: 'measures.underMeasure' },
          { code: 'isolated', label: '居家隔离人数', type: 'integer', min: 0, source: 'measures.homeIsolation' },
        ],
        rules: [],
      });
      expect(form.statusCode, form.body).toBe(201);
      formId = form.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the people whose measure covers the day, in the unit’s area', async () => {
      const prefill = async (who: string, unitId: string) =>
        (await f.call(who, 'GET', `/api/v1/report-forms/${formId}/prefill?unitId=${unitId}&period=2026-11-30`)).json()
          .values;
      expect(await prefill('dehua', f.units.dehua)).toEqual({ under: 1, isolated: 1 });
      expect(await prefill('zhuzhuang', f.units.zhuzhuang)).toEqual({ under: 1, isolated: 1 });
      expect(await prefill('chenzhou', f.units.chenzhou)).toEqual({ under: 2, isolated: 2 });
    });

    it('drops a measure ended before the day, and takes one whose window has begun', async () => {
      f.h.clock.set('2026-12-04T02:00:00Z'); // 12-04 10:00 in Shanghai
      await f.relogin();
      const prefill = async (who: string, unitId: string, period: string) =>
        (await f.call(who, 'GET', `/api/v1/report-forms/${formId}/prefill?unitId=${unitId}&period=${period}`)).json()
          .values;
      expect(await prefill('zhuzhuang', f.units.zhuzhuang, '2026-12-01')).toEqual({ under: 0, isolated: 0 });
      expect(await prefill('dehua', f.units.dehua, '2026-12-01')).toEqual({ under: 1, isolated: 1 });
      expect(await prefill('dehua', f.units.dehua, '2026-12-04')).toEqual({ under: 2, isolated: 1 });
    });
  });
}
