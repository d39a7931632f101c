import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { figureQuery, rateSources, unitOf } from '../../../test-support/rate-kit.js';
import type { RateFigureSource } from '../../reporting/index.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const IN_BEIGUAN = { lng: 114.605, lat: 33.605 };
const IN_NANGUAN = { lng: 114.625, lat: 33.605 };

// The harness's clock: Monday 2026-11-30 10:00 in Shanghai. 0102 暴露垃圾 has 4 working hours: a case
// dispatched at 10:00 is due at 16:30 (08:30Z) the same day.
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 结案率 and 按期结案率 offered as rates`, () => {
    let h: Harness;
    let sources: Map<string, RateFigureSource>;
    const ids: Record<string, string> = {};
    const paths: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const as = (who: string) => ({ cookie: cookies[who] });
    const act = async (who: string, id: string, body: Record<string, unknown>) => {
      const r = await h.call('POST', `/api/v1/cases/${id}/actions`, { ...as(who), body });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const report = async (who: string, location: { lng: number; lat: number }) => {
      const r = await h.call('POST', '/api/v1/cases', {
        ...as(who),
        body: { categoryCode: '0102', description: '暴露垃圾', location },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const dispatch = async (id: string) => {
      await act('sub01', id, { type: 'accept' });
      return (await act('sub01', id, { type: 'dispatch', payload: { unitId: ids.dept } })).deadline as string;
    };
    const close = async (id: string, verifier: string) => {
      await act('cg01', id, { type: 'start' });
      await act('cg01', id, { type: 'feedback', comment: '已清运' });
      expect((await act(verifier, id, { type: 'verify_pass' })).status).toBe('closed');
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      cookies.admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', {
          ...as('admin'),
          body: { parentId: ids[parent] ?? parent, kind, name },
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
        paths[key] = (await unitOf(h, ids[key])).path;
      };
      ids.district = h.districtId;
      await mk('sub', 'district', 'subdistrict', '城北街道办事处');
      await mk('beiguan', 'sub', 'community', '北关社区');
      await mk('bgL', 'beiguan', 'grid_large', '北关社区第1网格');
      await mk('nanguan', 'sub', 'community', '南关社区');
      await mk('ngL', 'nanguan', 'grid_large', '南关社区第1网格');
      await mk('bg1', 'bgL', 'grid_small', '北关社区第1网格-1');
      await mk('ng1', 'ngL', 'grid_small', '南关社区第1网格-1');
      await mk('dept', 'district', 'department', '川汇区城市管理局');
      for (const [large, name, x] of [
        ['bgL', '北关社区第1网格-1', 114.6],
        ['ngL', '南关社区第1网格-1', 114.62],
      ] as const) {
        const b = await h.call('POST', `/api/v1/units/${ids[large]}/boundaries`, {
          ...as('admin'),
          body: {
            type: 'FeatureCollection',
            features: [{ type: 'Feature', properties: { name }, geometry: square(x, 33.6, x + 0.01, 33.61) }],
          },
        });
        expect(b.statusCode, b.body).toBeLessThan(300);
      }
      const account = async (username: string, unit: string, roles: string[]) => {
        const r = await h.call('POST', '/api/v1/accounts', {
          ...as('admin'),
          body: { username, displayName: username, unitId: ids[unit], roles },
        });
        expect(r.statusCode, r.body).toBe(201);
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd1' },
        });
        cookies[username] = c;
      };
      await account('gw01', 'bg1', ['grid_worker']);
      await account('gw02', 'ng1', ['grid_worker']);
      await account('sub01', 'sub', ['subdistrict_staff']);
      await account('cg01', 'dept', ['unit_handler']);
      sources = rateSources(h);
    }, 120_000);
    afterAll(async () => h?.close());

    it('counts 应结案 (due in the period), 结案 and 按期结案 in the community’s area, by hand', async () => {
      // 北关: A closed before its deadline; B closed after it; C past its deadline, open; D not due yet;
      // E reported, never dispatched. 南关: F closed before its deadline.
      const [a, b, c, d, e] = [
        await report('gw01', IN_BEIGUAN),
        await report('gw01', IN_BEIGUAN),
        await report('gw01', IN_BEIGUAN),
        await report('gw01', IN_BEIGUAN),
        await report('gw01', IN_BEIGUAN),
      ];
      const f = await report('gw02', IN_NANGUAN);
      expect(e).toBeTruthy();
      for (const id of [a, b, c, f]) expect(await dispatch(id)).toBe('2026-11-30T08:30:00.000Z');
      await close(a, 'gw01');
      await close(f, 'gw02');
      h.clock.set('2026-11-30T09:00:00.000Z'); // 17:00, past 16:30
      await close(b, 'gw01');
      expect(await dispatch(d)).not.toBe('2026-11-30T08:30:00.000Z');

      const q = (unit: string) => figureQuery({ id: ids[unit], path: paths[unit] }, '2026-10-01', '2026-12-31');
      const closure = sources.get('cases.closureRate')!;
      const onTime = sources.get('cases.onTimeRate')!;
      const db = h.database.db;
      expect(await closure.rate(db, q('beiguan'))).toEqual({ numerator: 2, denominator: 3 });
      expect(await onTime.rate(db, q('beiguan'))).toEqual({ numerator: 1, denominator: 3 });
      expect(await closure.rate(db, q('nanguan'))).toEqual({ numerator: 1, denominator: 1 });
      expect(await onTime.rate(db, q('sub'))).toEqual({ numerator: 2, denominator: 4 });
      // A grid below the roll-up's communities: folded from its own cases, the same counts.
      expect(await closure.rate(db, q('bg1'))).toEqual({ numerator: 2, denominator: 3 });
      // The same counts as the KPI page, which is the definition (docs/kpis.md).
      const kpis = (
        await h.call('GET', `/api/v1/cases/kpis?unitId=${ids.beiguan}&from=2026-10-01&to=2026-12-31`, as('admin'))
      ).json();
      expect(kpis.counts).toMatchObject({ dueToClose: 3, closed: 2, closedOnTime: 1 });
      // The drill-down: the 应结案 cases, each with what it adds; they sum to the rate.
      const byId = (rs: { id: string; numerator: number; denominator: number }[]) =>
        Object.fromEntries(rs.map((r) => [r.id, [r.numerator, r.denominator]]));
      const closing = await closure.records!(db, q('beiguan'), 100);
      expect(byId(closing)).toEqual({ [a]: [1, 1], [b]: [1, 1], [c]: [0, 1] });
      expect(closing.every((r) => r.kind === 'case' && r.day === '2026-11-30' && r.label.includes('暴露垃圾'))).toBe(
        true,
      );
      expect(byId(await onTime.records!(db, q('beiguan'), 100))).toEqual({ [a]: [1, 1], [b]: [0, 1], [c]: [0, 1] });
      expect(await closure.records!(db, q('beiguan'), 2)).toHaveLength(2);
      expect(byId(await onTime.records!(db, q('sub'), 100))).toEqual({
        [a]: [1, 1],
        [b]: [0, 1],
        [c]: [0, 1],
        [f]: [1, 1],
      });
      // Nothing due in the third quarter: nothing to measure, not a rate of 0 or 100 %.
      const q3 = figureQuery({ id: ids.beiguan, path: paths.beiguan }, '2026-07-01', '2026-09-30');
      expect(await closure.rate(db, q3)).toEqual({ numerator: 0, denominator: 0 });
      expect(await closure.records!(db, q3, 100)).toEqual([]);
    });
  });
}
