import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openVenueKit, POINTS, type User, type VenueKit } from '../test-kit.js';

const PASSWORD = 'Passw0rd1';

/**
 * GET /venue-inspections: the inspections of the venues in an area over local days — the list behind
 * the dashboard's 场所检查合格率, so its two counts are the rate's. Inspections (Shanghai times):
 *   德化 grid 1, A: 合格 11-29 23:59:59 (just outside 11-30), 不合格 11-30 00:00:00, 合格 11-30 09:00 (网格员)
 *   德化 grid 2, B: 不合格 11-30 10:00;  朱庄 C: 合格 11-30 23:59:59, 合格 12-01 00:00:00 (just outside)
 *   北关 D: 不合格 11-30 12:00
 * → 11-30: 德化 3 checks, 1 passed; 朱庄 1/1; 陈州 4, 2; 城北 1, 0; the district 5, 2; 德化 grid 1: 2, 1;
 *   陈州 不合格 only: 2, 0; 11-29: 德化 1, 1; 12-01: 陈州 1, 1.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the inspections of an area's venues`, () => {
    let k: VenueKit;
    const ids = { a: '', b: '', c: '', d: '' };
    // Sessions last hours; the clock moves over days, so each step signs in afresh at its instant.
    const at = async (local: string, who: User) => {
      k.h.clock.set(new Date(`${local}+08:00`).toISOString());
      const cookie = await k.h.login(who, who === 'admin' ? undefined : PASSWORD);
      return (method: string, url: string, body?: unknown) => k.h.call(method, url, { cookie, body });
    };
    const inspect = async (local: string, who: User, id: string, fail: string[]) => {
      const call = await at(local, who);
      const r = await call('POST', `/api/v1/venues/${id}/inspections`, { items: k.findings(fail) });
      expect(r.statusCode, r.body).toBe(201);
    };

    beforeAll(async () => {
      k = await openVenueKit(tdb);
      ids.a = await k.venue('dehua', { name: '德化街甲超市' });
      ids.b = await k.venue('dehua', { name: '德化街乙超市', location: POINTS.dehua2 });
      ids.c = await k.venue('zhuzhuang', { name: '朱庄丙超市', location: POINTS.zhuzhuang });
      ids.d = await k.venue('chengbei', { name: '北关丁超市', location: POINTS.beiguan });
      await inspect('2026-11-29T23:59:59', 'dehua', ids.a, []);
      await inspect('2026-11-30T00:00:00', 'dehua', ids.a, ['mask']);
      await inspect('2026-11-30T09:00:00', 'wgy', ids.a, []);
      await inspect('2026-11-30T10:00:00', 'dehua', ids.b, ['scan']);
      await inspect('2026-11-30T23:59:59', 'zhuzhuang', ids.c, []);
      await inspect('2026-12-01T00:00:00', 'zhuzhuang', ids.c, []);
      await inspect('2026-11-30T12:00:00', 'chengbei', ids.d, ['temperature']);
    }, 120_000);
    afterAll(async () => k?.h.close());

    const reader = (who: User) => at('2026-12-02T10:00:00', who);
    type Row = { venue: { id: string; name: string }; result: string; inspector: { name: string }; at: string };
    const list = async (who: User, qs: string) => {
      const r = await (await reader(who))('GET', `/api/v1/venue-inspections?${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { total: number; passed: number; items: Row[] };
    };
    const rate = async (who: User, unitId: string, from: string, to: string) => {
      const r = await (await reader(who))('GET', `/api/v1/insights/dashboard?unitId=${unitId}&from=${from}&to=${to}`);
      expect(r.statusCode, r.body).toBe(200);
      const f = (r.json().figures as { code: string; numerator: number; denominator: number }[]).find(
        (x) => x.code === 'venues.inspectionPassRate',
      )!;
      return { total: f.denominator, passed: f.numerator };
    };

    it('lists the inspections of the days, newest first, with the rate’s two counts', async () => {
      const u = k.ids;
      const day = await list('chenzhou', `unitId=${u.chenzhou}&from=2026-11-30&to=2026-11-30`);
      expect(day.items.map((i) => [i.venue.name, i.result])).toEqual([
        ['朱庄丙超市', 'pass'],
        ['德化街乙超市', 'fail'],
        ['德化街甲超市', 'pass'],
        ['德化街甲超市', 'fail'],
      ]);
      expect(day.items[2]).toMatchObject({
        inspector: { name: 'wgy（测试）' },
        at: '2026-11-30T01:00:00.000Z',
        grid: { id: u.dehua1, name: '德化社区第1网格-1' },
        community: { id: u.dehua, name: '德化社区' },
      });
      for (const [who, unitId, from, to, total, passed] of [
        ['chenzhou', u.chenzhou!, '2026-11-30', '2026-11-30', 4, 2],
        ['leader', u.district!, '2026-11-30', '2026-11-30', 5, 2],
        ['dehua', u.dehua!, '2026-11-30', '2026-11-30', 3, 1],
        ['dehua', u.dehua1!, '2026-11-30', '2026-11-30', 2, 1],
        ['zhuzhuang', u.zhuzhuang!, '2026-11-30', '2026-11-30', 1, 1],
        ['chengbei', u.chengbei!, '2026-11-30', '2026-11-30', 1, 0],
        ['dehua', u.dehua!, '2026-11-29', '2026-11-29', 1, 1],
        ['leader', u.chenzhou!, '2026-12-01', '2026-12-01', 1, 1],
      ] as const) {
        const page = await list(who, `unitId=${unitId}&from=${from}&to=${to}`);
        expect([page.total, page.passed], `${who} ${from}…${to}`).toEqual([total, passed]);
        expect(page.items).toHaveLength(total);
        expect(page, `${who} ${from}…${to}`).toMatchObject(await rate(who, unitId, from, to));
      }
    });

    it('narrows to one result', async () => {
      const q = `unitId=${k.ids.chenzhou}&from=2026-11-30&to=2026-11-30`;
      const failed = await list('chenzhou', `${q}&result=fail`);
      expect([failed.total, failed.passed]).toEqual([2, 0]);
      expect(failed.items.map((i) => i.venue.name)).toEqual(['德化街乙超市', '德化街甲超市']);
      const passed = await list('chenzhou', `${q}&result=pass`);
      expect([passed.total, passed.passed]).toEqual([2, 2]);
      expect((await (await reader('chenzhou'))('GET', `/api/v1/venue-inspections?${q}&result=na`)).statusCode).toBe(
        400,
      );
    });

    it('is where each area’s 场所检查合格率 leads, with the same two counts', async () => {
      const call = await reader('leader');
      const r = await call(
        'GET',
        `/api/v1/insights/areas?measure=venues.inspectionPassRate&unitId=${k.ids.chenzhou}&level=children&from=2026-11-30&to=2026-11-30`,
      );
      expect(r.statusCode, r.body).toBe(200);
      const areas = r.json().areas as { unit: { id: string }; numerator: number; denominator: number; link: string }[];
      expect(areas.map((a) => `${a.numerator}/${a.denominator}`).sort()).toEqual(['1/1', '1/3']);
      for (const a of areas) {
        expect(a.link).toBe(`/venues/inspections?unitId=${a.unit.id}&from=2026-11-30&to=2026-11-30`);
        const page = await call('GET', `/api/v1/venue-inspections${a.link.slice('/venues/inspections'.length)}`);
        expect(page.statusCode, page.body).toBe(200);
        expect(page.json()).toMatchObject({ total: a.denominator, passed: a.numerator });
      }
    });

    it('keeps to the caller’s scope (403 naming unitId) and refuses a reversed or impossible period (400)', async () => {
      const call = await reader('zhuzhuang');
      const out = await call('GET', `/api/v1/venue-inspections?unitId=${k.ids.dehua}&from=2026-11-30&to=2026-11-30`);
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 'venue.unit_out_of_scope' });
      expect(out.json().errors[0].field).toBe('unitId');
      // Without a unit: the caller's own scope (朱庄 never sees 德化's checks).
      expect((await list('zhuzhuang', 'from=2026-11-30&to=2026-11-30')).total).toBe(1);
      const reversed = await call('GET', '/api/v1/venue-inspections?from=2026-12-01&to=2026-11-30');
      expect(reversed.statusCode).toBe(400);
      expect(JSON.stringify(reversed.json())).toContain('from');
      expect((await call('GET', '/api/v1/venue-inspections?from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
      const handler = await (await reader('handler'))('GET', '/api/v1/venue-inspections?from=2026-11-30&to=2026-11-30');
      expect(handler.statusCode).toBe(403);
    });
  });
}
