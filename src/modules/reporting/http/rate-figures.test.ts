import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { figureQuery, rateSources, unitOf } from '../../../test-support/rate-kit.js';
import { periodsBeginningIn } from '../commands/rate-figures.js';

const form = (code: string, periodType: string, deadline: Record<string, unknown>) => ({
  code,
  name: code,
  periodType,
  allowZero: true,
  deadline,
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [{ code: 'visits', label: '走访户数', type: 'integer', required: true, min: 0, aggregation: 'sum' }],
  rules: [],
});

/*
 * 上报率 = 实报 ÷ 应报 summed over the district's forms (DHIS2's reporting rate, docs/reporting.md),
 * counted by hand. The communities open on 11-27 10:00; now is Monday 11-30 10:00.
 *   daily, due 16:00: owed 11-27, 11-28, 11-29 (due) and 11-30 (not due: 应报 only once it is in)
 *     北关 reports 11-27, 11-28 and, early, 11-30 → 应报 4, 实报 3
 *     建设 reports 11-27                          → 应报 3, 实报 1
 *   weekly, due Sunday 18:00: 2026-W48 (11-23 … 11-29) is owed (the units existed in it) and due;
 *     2026-W49 began today, not due, not in
 *     北关 reports W48 → 应报 1, 实报 1;   建设 does not → 应报 1, 实报 0
 *   北关 4 / 5, 建设 1 / 4, 城北 5 / 9; 2026-Q3 (before the units): nothing owed, 0 / 0.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the reporting rate offered as a rate`, () => {
    let h: Harness;
    let admin: string;
    const ids: Record<string, string> = {};
    const forms: Record<string, string> = {};
    const at = (local: string) => h.clock.set(new Date(`${local}+08:00`).toISOString());
    const submit = async (formKey: string, unit: string, period: string) => {
      const r = await h.call('POST', `/api/v1/report-forms/${forms[formKey]}/submissions`, {
        cookie: admin,
        body: { unitId: ids[unit], period, values: { visits: 1 } },
      });
      expect(r.statusCode, r.body).toBe(201);
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      await at('2026-11-27T10:00:00');
      admin = await h.login('admin');
      const mk = async (key: string, parentId: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await mk('north', h.districtId, 'subdistrict', '城北街道');
      await mk('beiguan', ids.north, 'community', '北关社区');
      await mk('jianshe', ids.north, 'community', '建设社区');
      for (const [key, body] of [
        ['daily', form('daily_visits', 'daily', { time: '16:00', dayOffset: 0, graceDays: 0 })],
        ['weekly', form('weekly_visits', 'weekly', { time: '18:00', dayOffset: 0, graceDays: 0 })],
      ] as const) {
        const f = await h.call('POST', '/api/v1/report-forms', { cookie: admin, body });
        expect(f.statusCode, f.body).toBe(201);
        forms[key] = f.json().id;
      }
      await at('2026-11-30T10:00:00');
      admin = await h.login('admin');
      for (const p of ['2026-11-27', '2026-11-28', '2026-11-30']) await submit('daily', 'beiguan', p);
      await submit('daily', 'jianshe', '2026-11-27');
      await submit('weekly', 'beiguan', '2026-W48');
    }, 120_000);
    afterAll(async () => h?.close());

    it('sums 实报 and 应报 over the forms for the unit’s subtree, by hand', async () => {
      const rate = rateSources(h).get('reporting.completeness')!;
      const db = h.database.db;
      const q = async (unit: string, first: string, last: string) =>
        rate.rate(db, figureQuery(await unitOf(h, ids[unit]), first, last));
      expect(await q('beiguan', '2026-10-01', '2026-12-31')).toEqual({ numerator: 4, denominator: 5 });
      expect(await q('jianshe', '2026-10-01', '2026-12-31')).toEqual({ numerator: 1, denominator: 4 });
      expect(await q('north', '2026-10-01', '2026-12-31')).toEqual({ numerator: 5, denominator: 9 });
      expect(await q('beiguan', '2026-07-01', '2026-09-30')).toEqual({ numerator: 0, denominator: 0 });
      // The same counts as the completeness page of each form.
      const page = async (key: string, from: string, to: string) =>
        (
          await h.call(
            'GET',
            `/api/v1/report-forms/${forms[key]}/completeness?unitId=${ids.north}&from=${from}&to=${to}`,
            { cookie: admin },
          )
        ).json();
      const d = await page('daily', '2026-10-01', '2026-12-31');
      const w = await page('weekly', '2026-W40', '2026-W53');
      expect([d.submitted + w.submitted, d.expected + w.expected]).toEqual([5, 9]);
    });

    it('takes the periods that begin in the days, so a week across two quarters counts once', () => {
      const days = (first: string, last: string) => figureQuery({ id: 'x', path: '/x/' }, first, last);
      expect(periodsBeginningIn(days('2026-10-01', '2026-12-31'), 'weekly', 'Asia/Shanghai')).toEqual({
        from: '2026-W41',
        to: '2026-W53',
      });
      expect(periodsBeginningIn(days('2027-01-01', '2027-03-31'), 'weekly', 'Asia/Shanghai')).toEqual({
        from: '2027-W01',
        to: '2027-W13',
      });
      expect(periodsBeginningIn(days('2026-10-01', '2026-12-31'), 'monthly', 'Asia/Shanghai')).toEqual({
        from: '2026-10',
        to: '2026-12',
      });
      expect(periodsBeginningIn(days('2026-11-24', '2026-11-28'), 'weekly', 'Asia/Shanghai')).toBeNull();
    });
  });
}
