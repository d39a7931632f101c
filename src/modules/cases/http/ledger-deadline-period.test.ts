import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';
import { checkDeadlines } from '../commands/check-deadlines.js';

/**
 * The ledger narrowed to cases whose 处置时限 fell on some days (`deadlineFrom`/`deadlineTo`): with
 * `deadlineStatus=overdue` it lists what the dashboard's 超期未处置数 of an area and period counts
 * (standard basis: overdue cases whose deadline fell in the period), on the demo cases.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the ledger by deadline days`, () => {
    let f: DemoDistrict;

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua']);
      const mods = f.ctx.modules.filter((m) => m.name === 'cases');
      await prepareModules(mods, f.ctx, { districtId: f.h.districtId, now: f.h.clock.now() });
      // The ledger's 超期 is the deadline check's flag, as the scheduled job leaves it.
      await checkDeadlines(
        { database: f.h.database, clock: f.h.clock, config: f.ctx.config, org: f.ctx.org },
        f.h.clock.now(),
      );
    }, 120_000);
    afterAll(() => f.h.close());

    const get = async (who: string, url: string) => {
      const r = await f.call(who, 'GET', url);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const ledger = async (who: string, qs: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(who, `/api/v1/cases?${qs}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        ids.push(...(page.items as { id: string }[]).map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };

    it('lists as many overdue cases as 超期未处置数 counts, for three areas and two periods', async () => {
      const periods = [
        { from: '2026-11-01', to: '2026-11-30' },
        { from: '2026-11-23', to: '2026-11-29' },
      ];
      let some = 0;
      let fewer = 0;
      for (const unitId of [f.units.district, f.units.chenzhou, f.units.dehua])
        for (const p of periods) {
          const d = await get('leader', `/api/v1/insights/dashboard?unitId=${unitId}&from=${p.from}&to=${p.to}`);
          const n = (d.figures as { code: string; numerator: number }[]).find(
            (x) => x.code === 'cases.overdueOpen',
          )!.numerator;
          const all = await ledger('leader', `unitId=${unitId}&deadlineStatus=overdue`);
          const inPeriod = await ledger(
            'leader',
            `unitId=${unitId}&deadlineStatus=overdue&deadlineFrom=${p.from}&deadlineTo=${p.to}`,
          );
          expect(inPeriod.length, `${unitId} ${p.from}`).toBe(n);
          expect(all).toEqual(expect.arrayContaining(inPeriod));
          some += n;
          if (inPeriod.length < all.length) fewer++;
        }
      // The demo has overdue cases, some with deadlines outside each period.
      expect(some).toBeGreaterThan(0);
      expect(fewer).toBeGreaterThan(0);
    });

    it('refuses a malformed day, naming the field', async () => {
      const r = await f.call('dehua', 'GET', '/api/v1/cases?deadlineFrom=2026-13-01');
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json())).toContain('deadlineFrom');
    });
  });
}
