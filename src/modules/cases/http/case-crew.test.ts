import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

/**
 * What the handling crews' phone page (处置通) needs of the ledger: the grid outline of a case dispatched
 * to a unit outside the grid's scope (GET /cases/:id/boundary), the crew's own cases
 * (GET /cases?assignedUnitId=…), and steps that can be resent from the outbox (Idempotency-Key).
 */
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
const IN_GRID = { lng: 114.605, lat: 33.605 };

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the crew's phone page on the ledger API`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const as = (who: string) => ({ cookie: cookies[who] });
    const act = (who: string, id: string, body: Record<string, unknown>, key?: string) =>
      h.call('POST', `/api/v1/cases/${id}/actions`, {
        ...as(who),
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    let inGrid = '';
    let outOfGrid = '';

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
      };
      ids.district = h.districtId;
      await mk('sub', 'district', 'subdistrict', '城北街道办事处');
      await mk('sub2', 'district', 'subdistrict', '小乔街道办事处');
      await mk('com', 'sub', 'community', '北关社区');
      await mk('large', 'com', 'grid_large', '北关社区第1网格');
      await mk('small', 'large', 'grid_small', '北关社区第1网格-1');
      await mk('dept', 'district', 'department', '川汇区城市管理局');
      await mk('telecom', 'district', 'outside_unit', '周口电信川汇分公司');
      const b = await h.call('POST', `/api/v1/units/${ids.large}/boundaries`, {
        ...as('admin'),
        body: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '北关社区第1网格-1' },
              geometry: square(114.6, 33.6, 114.61, 33.61),
            },
          ],
        },
      });
      expect(b.statusCode, b.body).toBeLessThan(300);
      const account = async (username: string, unit: string, roles: string[]) => {
        const r = await h.call('POST', '/api/v1/accounts', {
          ...as('admin'),
          body: { username, displayName: username, unitId: ids[unit], roles },
        });
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd1' },
        });
        cookies[username] = c;
      };
      await account('gw01', 'small', ['grid_worker']);
      await account('sub01', 'sub', ['subdistrict_staff']);
      await account('sub02', 'sub2', ['subdistrict_staff']);
      await account('cg01', 'dept', ['unit_handler']);
      await account('dx01', 'telecom', ['unit_handler']);
      await account('leader', 'district', ['district_leader']);

      const report = async (body: Record<string, unknown>) => {
        const r = await h.call('POST', '/api/v1/cases', { ...as('sub01'), body });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      inGrid = await report({ categoryCode: '0102', description: '北关路口暴露垃圾', location: IN_GRID });
      outOfGrid = await report({ categoryCode: '0102', description: '无网格处的垃圾', address: '城北某处' });
      const accepted = await act('sub01', inGrid, { type: 'accept' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const dispatched = await act('sub01', inGrid, { type: 'dispatch', payload: { unitId: ids.dept } });
      expect(dispatched.statusCode, dispatched.body).toBe(200);
    });
    afterAll(async () => h?.close());

    it('shows the grid outline of a dispatched case to the unit holding it, which cannot read the grid itself', async () => {
      const r = await h.call('GET', `/api/v1/cases/${inGrid}/boundary`, as('cg01'));
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        type: 'Feature',
        id: ids.small,
        properties: { id: ids.small, name: '北关社区第1网格-1', kind: 'grid_small' },
        geometry: { type: 'Polygon' },
      });
      // The unit tree stays closed to it: only the case opens its grid.
      expect((await h.call('GET', `/api/v1/units/${ids.small}/boundary`, as('cg01'))).statusCode).toBe(404);
    });

    it('answers the case boundary by who may see the case: a unit not involved and another 街道 get 404', async () => {
      const matrix: [string, number][] = [
        ['gw01', 200],
        ['sub01', 200],
        ['leader', 200],
        ['admin', 200],
        ['cg01', 200],
        ['dx01', 404],
        ['sub02', 404],
      ];
      const got: [string, number][] = [];
      for (const [who] of matrix)
        got.push([who, (await h.call('GET', `/api/v1/cases/${inGrid}/boundary`, as(who))).statusCode]);
      expect(got).toEqual(matrix);
      expect((await h.call('GET', `/api/v1/cases/${inGrid}/boundary`)).statusCode).toBe(401);
    });

    it('answers 404 for a case in no grid (nothing to draw) and for a case that does not exist', async () => {
      const r = await h.call('GET', `/api/v1/cases/${outOfGrid}/boundary`, as('sub01'));
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      const none = await h.call('GET', '/api/v1/cases/00000000-0000-7000-8000-000000000000/boundary', as('admin'));
      expect(none.statusCode).toBe(404);
    });

    it("lists a crew's own cases by assignedUnitId, within the caller's scope", async () => {
      const list = async (who: string, unit: string) => {
        const r = await h.call('GET', `/api/v1/cases?status=dispatched,handling&assignedUnitId=${ids[unit]}`, as(who));
        expect(r.statusCode, r.body).toBe(200);
        return r.json().items.map((c: { id: string }) => c.id) as string[];
      };
      expect(await list('cg01', 'dept')).toEqual([inGrid]);
      expect(await list('sub01', 'dept')).toEqual([inGrid]);
      // The 街道's own cases are those dispatched to it, not every case of its area.
      expect(await list('sub01', 'sub')).toEqual([]);
      // Another unit sees none of them, whatever it asks for.
      expect(await list('dx01', 'dept')).toEqual([]);
      expect(await list('dx01', 'telecom')).toEqual([]);
      const bad = await h.call('GET', '/api/v1/cases?assignedUnitId=nope', as('cg01'));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('assignedUnitId');
    });

    it('takes a step resent with the same Idempotency-Key once, and answers the case again', async () => {
      const key = 'crew-start-0001';
      const seen = (await h.call('GET', `/api/v1/cases/${inGrid}`, as('cg01'))).json().version as number;
      const first = await act('cg01', inGrid, { type: 'start', expectedVersion: seen }, key);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(first.json().status).toBe('handling');
      // The answer was lost; the phone sends the same item again (its expectedVersion is stale now).
      const again = await act('cg01', inGrid, { type: 'start', expectedVersion: seen }, key);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toMatchObject({ status: 'handling', version: first.json().version });
      const starts = again.json().actions.filter((a: { type: string }) => a.type === 'start');
      expect(starts).toHaveLength(1);
    });

    it('refuses a key used for another step, and leaves the key of a refused step free', async () => {
      const reused = await act('cg01', inGrid, { type: 'feedback', comment: '已清理' }, 'crew-start-0001');
      expect(reused.statusCode).toBe(422);
      expect(reused.json().code).toBe('case.action_idempotency_key_reused');
      // Another account's key space is its own: the same key is a fresh request for dx01 (refused by policy).
      const foreign = await act('dx01', inGrid, { type: 'start' }, 'crew-start-0001');
      expect(foreign.statusCode).toBe(404);
      // A refused step (409: stale version) writes no key, so the corrected step may use it.
      const stale = await act('cg01', inGrid, { type: 'feedback', comment: '已清理', expectedVersion: 1 }, 'fb-1');
      expect(stale.statusCode).toBe(409);
      const v = (await h.call('GET', `/api/v1/cases/${inGrid}`, as('cg01'))).json().version;
      const ok = await act('cg01', inGrid, { type: 'feedback', comment: '已清理', expectedVersion: v }, 'fb-1');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().status).toBe('pending_verification');
      // The unit that fed back still sees where (for its 已反馈 list).
      expect((await h.call('GET', `/api/v1/cases/${inGrid}/boundary`, as('cg01'))).statusCode).toBe(200);
    });
  });
}
