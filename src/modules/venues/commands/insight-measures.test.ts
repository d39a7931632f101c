import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openVenueKit, POINTS, type User, type VenueKit } from '../test-kit.js';

/**
 * 场所检查合格率 and 停业整顿场所数 on the dashboard, counted by hand. On Monday 11-30:
 *   德化 grid 1: venue A inspected pass, then fail;  德化 grid 2: venue B inspected fail, then closed
 *   朱庄: venue C inspected pass;  城北 (北关): venue D, never inspected
 * → 合格率 德化 1/3 (grid 1: 1/2, grid 2: 0/1), 朱庄 1/1, 陈州 2/4, 城北 0/0; 停业整顿 德化 1, 陈州 1, 城北 0.
 * On Tuesday nothing was inspected (0/0) and B is still closed.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: venue measures`, () => {
    let k: VenueKit;
    const areas = async (who: User, measure: string, unitId: string, day: string, level = 'children') => {
      const r = await k.call(
        who,
        'GET',
        `/api/v1/insights/areas?measure=${measure}&unitId=${unitId}&level=${level}&from=${day}&to=${day}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return Object.fromEntries(
        (r.json().areas as { unit: { id: string }; numerator: number; denominator: number | null }[]).map((a) => [
          a.unit.id,
          a.denominator === null ? a.numerator : `${a.numerator}/${a.denominator}`,
        ]),
      );
    };
    const inspect = async (who: User, id: string, fail: string[]) => {
      const r = await k.call(who, 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings(fail) });
      expect(r.statusCode, r.body).toBe(201);
    };

    beforeAll(async () => {
      k = await openVenueKit(tdb);
      const a = await k.venue('dehua');
      const b = await k.venue('dehua', { location: POINTS.dehua2 });
      const c = await k.venue('zhuzhuang', { location: POINTS.zhuzhuang });
      await k.venue('chengbei', { location: POINTS.beiguan });
      await inspect('dehua', a, []);
      await inspect('dehua', a, ['mask']);
      await inspect('dehua', b, ['scan']);
      await inspect('zhuzhuang', c, []);
      const closed = await k.call('dehua', 'POST', `/api/v1/venues/${b}/closures`, {
        reason: '未落实防控措施',
        days: 7,
      });
      expect(closed.statusCode, closed.body).toBe(201);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('counts inspections passed of those made in the period and the venues closed now, by the venue’s grid', async () => {
      const { ids } = k;
      expect(await areas('leader', 'venues.inspectionPassRate', ids.district!, '2026-11-30')).toEqual({
        [ids.chenzhou!]: '2/4',
        [ids.chengbei!]: '0/0',
      });
      expect(await areas('leader', 'venues.inspectionPassRate', ids.chenzhou!, '2026-11-30')).toEqual({
        [ids.dehua!]: '1/3',
        [ids.zhuzhuang!]: '1/1',
      });
      expect(await areas('dehua', 'venues.inspectionPassRate', ids.dehua!, '2026-11-30', 'grids')).toEqual({
        [ids.dehua1!]: '1/2',
        [ids.dehua2!]: '0/1',
      });
      expect(await areas('leader', 'venues.closed', ids.district!, '2026-11-30')).toEqual({
        [ids.chenzhou!]: 1,
        [ids.chengbei!]: 0,
      });
      expect(await areas('chenzhou', 'venues.closed', ids.chenzhou!, '2026-11-30')).toEqual({
        [ids.dehua!]: 1,
        [ids.zhuzhuang!]: 0,
      });
      // Another 社区 is outside 朱庄's scope: refused, naming the unit.
      const other = await k.call(
        'zhuzhuang',
        'GET',
        `/api/v1/insights/areas?measure=venues.closed&unitId=${ids.dehua}&from=2026-11-30&to=2026-11-30`,
      );
      expect(other.statusCode).toBe(403);
      expect(JSON.stringify(other.json())).toContain('unitId');
    });

    it('counts no inspection on a day without any, while a closure stands', async () => {
      const { ids } = k;
      expect(await areas('leader', 'venues.inspectionPassRate', ids.chenzhou!, '2026-12-01')).toEqual({
        [ids.dehua!]: '0/0',
        [ids.zhuzhuang!]: '0/0',
      });
      expect(await areas('leader', 'venues.closed', ids.chenzhou!, '2026-12-01')).toEqual({
        [ids.dehua!]: 1,
        [ids.zhuzhuang!]: 0,
      });
    });

    it('links each area’s 停业整顿场所数 to its list of closed venues, of that total; a unit outside the scope is 403', async () => {
      const { ids } = k;
      for (const [who, unitId, level] of [
        ['leader', ids.district!, 'children'],
        ['leader', ids.chenzhou!, 'children'],
        ['dehua', ids.dehua!, 'grids'],
      ] as const) {
        const r = await k.call(
          who,
          'GET',
          `/api/v1/insights/areas?measure=venues.closed&unitId=${unitId}&level=${level}&from=2026-11-30&to=2026-11-30`,
        );
        expect(r.statusCode, r.body).toBe(200);
        for (const a of r.json().areas as { unit: { id: string }; numerator: number; link: string }[]) {
          expect(a.link).toBe(`/venues?unitId=${a.unit.id}&status=closed`);
          const list = await k.call(who, 'GET', `/api/v1${a.link}`);
          expect(list.statusCode, list.body).toBe(200);
          expect(list.json().total, `${who} ${a.link}`).toBe(a.numerator);
        }
      }
      const out = await k.call('chengbei', 'GET', `/api/v1/venues?unitId=${ids.dehua}`);
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 'venue.unit_out_of_scope' });
      expect(out.json().errors[0].field).toBe('unitId');
      expect((await k.call('leader', 'GET', '/api/v1/venues?status=shut')).statusCode).toBe(400);
    });
  });
}
