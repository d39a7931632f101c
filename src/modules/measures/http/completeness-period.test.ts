import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openMeasuresFixture, ownersFor, type MeasuresFixture } from './test-kit.js';

const USERS = ['admin', 'leader', 'chenzhou', 'dehua', 'zhuzhuang', 'minjing', 'yisheng'] as const;

/**
 * 随访完成率 of a period: the dashboard's measure and the completeness page given the same days count
 * the follow-ups due on those days only. Two 7-day isolations from 11-30 (德化, 朱庄); today 12-05.
 * Follow-ups by hand (· = nothing recorded):
 *   德化  11-30 正常, 12-01 异常, 12-02 未见到, 12-03 ·, 12-04 正常, 12-05 · (today, pending), 12-06 ·
 *   朱庄  11-30 正常, 12-01 ·,    12-02 正常,   12-03 ·, 12-04 ·,    12-05 正常 (recorded today)
 * Period 12-01 … 12-05 (11-30, the day before, left out; today's pending one not yet due):
 *   德化 due 4 (12-01 … 12-04), seen 2;  朱庄 due 5 (12-01 … 12-05), seen 2;  陈州 9 / 4.
 * Without a period (every one to date): 德化 5 / 3, 朱庄 6 / 3.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 随访完成率 of a period`, () => {
    let f: MeasuresFixture;
    const P = 'from=2026-12-01&to=2026-12-05';
    const page = async (who: string, unitId: string, qs = P) => {
      const r = await f.call(who, 'GET', `/api/v1/measures/completeness?unitId=${unitId}${qs ? `&${qs}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        from: string | null;
        to: string | null;
        total: { due: number; seen: number };
        rows: { unitId: string; due: number; seen: number }[];
      };
    };
    const areas = async (unitId: string) => {
      const r = await f.call(
        'leader',
        'GET',
        `/api/v1/insights/areas?measure=measures.followUpCompleteness&unitId=${unitId}&level=children&${P}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json().areas as { unit: { id: string }; numerator: number; denominator: number; link: string }[];
    };

    beforeAll(async () => {
      f = await openMeasuresFixture(tdb, USERS);
      const start = async (residentId: string, c: 'dehua' | 'zhuzhuang') => {
        const r = await f.call(c, 'POST', '/api/v1/measures', {
          residentId,
          type: 'home_isolation',
          startDay: '2026-11-30',
          lengthDays: 7,
          owners: ownersFor(f, c),
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      const dehua = await start(f.residents.dehua1, 'dehua');
      const zhuzhuang = await start(f.residents.zhuzhuang, 'zhuzhuang');
      f.h.clock.set('2026-12-05T02:00:00.000Z');
      await f.relogin();
      const record = async (who: 'dehua' | 'zhuzhuang', measureId: string, day: string, status: string) => {
        const r = await f.call(who, 'POST', '/api/v1/follow-ups', { measureId, day, status, method: 'visit' });
        expect(r.statusCode, r.body).toBeLessThan(300);
      };
      await record('dehua', dehua, '2026-11-30', 'seen_ok');
      await record('dehua', dehua, '2026-12-01', 'seen_not_ok');
      await record('dehua', dehua, '2026-12-02', 'missed');
      await record('dehua', dehua, '2026-12-04', 'seen_ok');
      await record('zhuzhuang', zhuzhuang, '2026-11-30', 'seen_ok');
      await record('zhuzhuang', zhuzhuang, '2026-12-02', 'seen_ok');
      await record('zhuzhuang', zhuzhuang, '2026-12-05', 'seen_ok');
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('counts the follow-ups due on the period’s days, on the page and in the measure, as by hand', async () => {
      const street = await page('chenzhou', f.units.chenzhou);
      expect([street.from, street.to]).toEqual(['2026-12-01', '2026-12-05']);
      expect([street.total.due, street.total.seen]).toEqual([9, 4]);
      const row = (id: string) => street.rows.find((r) => r.unitId === id)!;
      expect([row(f.units.dehua).due, row(f.units.dehua).seen]).toEqual([4, 2]);
      expect([row(f.units.zhuzhuang).due, row(f.units.zhuzhuang).seen]).toEqual([5, 2]);
      const kids = Object.fromEntries((await areas(f.units.chenzhou)).map((a) => [a.unit.id, a]));
      expect([kids[f.units.dehua]!.numerator, kids[f.units.dehua]!.denominator]).toEqual([2, 4]);
      expect([kids[f.units.zhuzhuang]!.numerator, kids[f.units.zhuzhuang]!.denominator]).toEqual([2, 5]);
      const district = await areas(f.h.districtId);
      const chenzhou = district.find((a) => a.unit.id === f.units.chenzhou)!;
      expect([chenzhou.numerator, chenzhou.denominator]).toEqual([4, 9]);
      expect(chenzhou.link).toBe(`/measures?unitId=${f.units.chenzhou}&${P}`);
      // Each area's link opens the page whose total is the area's figure.
      for (const a of [...Object.values(kids), ...district]) {
        const p = await page('leader', a.unit.id);
        expect([p.total.seen, p.total.due]).toEqual([a.numerator, a.denominator]);
      }
    });

    it('without a period counts every follow-up to date, as before', async () => {
      const street = await page('chenzhou', f.units.chenzhou, '');
      expect([street.from, street.to]).toEqual([null, null]);
      expect([street.total.due, street.total.seen]).toEqual([11, 6]);
    });

    it('refuses a period with one end, reversed or malformed (400)', async () => {
      for (const qs of [
        'from=2026-12-01',
        'to=2026-12-05',
        'from=2026-12-05&to=2026-12-01',
        'from=2026-12&to=2026-12-05',
      ]) {
        const r = await f.call('chenzhou', 'GET', `/api/v1/measures/completeness?${qs}`);
        expect(r.statusCode, qs).toBe(400);
      }
    });
  });
}
