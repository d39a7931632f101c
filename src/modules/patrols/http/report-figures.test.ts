import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { patrolStore } from '../store/patrol.store.js';
import { openPatrolsFixture, walk, type PatrolsFixture } from './test-kit.js';

const USERS = ['admin', 'chenzhou', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'] as const;
const T = (day: string, hhmm: string) => `${day}T${hhmm}:00.000Z`;

// The harness's clock: 2026-11-30 10:00 in Shanghai.
for (const tdb of testDatabases()) {
  describe(`巡查次数 and 巡查网格天数 pre-fill report forms (${tdb.name})`, () => {
    let f: PatrolsFixture;
    let formId = '';
    beforeAll(async () => {
      f = await openPatrolsFixture(tdb, USERS);
      const patrol = async (who: string, gridIds: string[], day: string, end = true) => {
        const s = await f.call(who, 'POST', '/api/v1/patrols', { kind: 'grid', gridIds, startedAt: T(day, '00:30') });
        expect(s.statusCode, s.body).toBe(201);
        if (end) {
          const e = await f.call(who, 'POST', `/api/v1/patrols/${s.json().id}/end`, {
            endedAt: T(day, '01:00'),
            points: walk(f.inside, T(day, '00:31'), 5),
          });
          expect(e.statusCode, e.body).toBe(200);
        }
      };
      // 德化: two patrols of wgy_dehua's grid on 11-29 and one on 11-30, the cadre's of two grids on 11-30;
      // 朱庄: one on 11-30 and one still under way (not counted).
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-29');
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-29');
      await patrol('wgy_dehua', [f.grids.dehua1], '2026-11-30');
      await patrol('dehua', [f.grids.dehua1, f.grids.dehua2], '2026-11-30');
      await patrol('wgy_zhuzhuang', [f.grids.zhuzhuang], '2026-11-30');
      await patrol('wgy_zhuzhuang', [f.grids.zhuzhuang], '2026-11-30', false);
      const form = await f.call('admin', 'POST', '/api/v1/report-forms', {
        code: 'patrol_daily',
        name: '巡查日报',
        periodType: 'daily',
        deadline: { time: '18:00', dayOffset: 0 },
        allowZero: false,
        reporters: { kind: 'level', unitKind: 'community' },
        fields: [
          { code: 'patrols', label: '巡查次数', type: 'integer', min: 0, source: 'patrols.patrols' },
          { code: 'gridDays', label: '巡查网格天数', type: 'integer', min: 0, source: 'patrols.patrolledGridDays' },
        ],
        rules: [],
      });
      expect(form.statusCode, form.body).toBe(201);
      formId = form.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the ended patrols and the grids patrolled per day, in the unit’s area', async () => {
      const prefill = async (who: string, unitId: string, period: string) =>
        (await f.call(who, 'GET', `/api/v1/report-forms/${formId}/prefill?unitId=${unitId}&period=${period}`)).json()
          .values;
      expect(await prefill('dehua', f.units.dehua, '2026-11-29')).toEqual({ patrols: 2, gridDays: 1 });
      expect(await prefill('dehua', f.units.dehua, '2026-11-30')).toEqual({ patrols: 2, gridDays: 2 });
      expect(await prefill('zhuzhuang', f.units.zhuzhuang, '2026-11-30')).toEqual({ patrols: 1, gridDays: 1 });
      expect(await prefill('chenzhou', f.units.chenzhou, '2026-11-30')).toEqual({ patrols: 3, gridDays: 3 });
    });

    it('keeps the month roll-up equal to the day roll-up (two patrols on one day count one day)', async () => {
      const db = f.h.database.db;
      const q = { districtCode: '411602', kind: 'grid', path: '/', first: '2026-11-01', last: '2026-11-30' };
      const byMonth = await patrolStore.monthCounts(db, q);
      const byDay = await patrolStore.dayCounts(db, q);
      const sort = <T extends { gridId: string }>(xs: T[]) => [...xs].sort((a, b) => a.gridId.localeCompare(b.gridId));
      expect(sort(byMonth.map(({ month: _m, ...r }) => r))).toEqual(sort(byDay));
      expect(byMonth.every((r) => r.month === '2026-11')).toBe(true);
      expect(byMonth.find((r) => r.gridId === f.grids.dehua1)).toMatchObject({ patrolledDays: 2, patrols: 4 });
      // A period with partial months reads the day roll-up for them: the same answer.
      const partial = await patrolStore.monthCounts(db, { ...q, first: '2026-11-29' });
      expect(sort(partial.map(({ month: _m, ...r }) => r))).toEqual(sort(byDay));
    });
  });
}
