import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { testDatabases } from '../db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:id\b/g, SAMPLE_ID).replace(/:date\b/g, '2026-01-01');

// Sweeps every registered route, so a new endpoint cannot forget authentication, permissions or problem+json.
for (const tdb of testDatabases().slice(0, 1)) {
  describe(`${tdb.name}: every API route`, () => {
    let h: Harness;
    let gridWorker: string;
    beforeAll(async () => {
      h = await openHarness(tdb);
      const admin = await h.login('admin');
      const sub = await h.call('POST', '/api/v1/units', {
        cookie: admin,
        body: { parentId: h.districtId, kind: 'subdistrict', name: '城北街道办事处' },
      });
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username: 'gw01', displayName: '网格员', unitId: sub.json().id, roles: ['grid_worker'] },
      });
      const temp = acc.json().temporaryPassword;
      gridWorker = await h.login('gw01', temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: gridWorker,
        body: { currentPassword: temp, newPassword: 'Grid12345' },
      });
    });
    afterAll(async () => h?.close());

    it('asks for a login on every non-public route, as problem+json', async () => {
      const routes = h.app.routeDefs.filter((r) => r.auth !== 'none');
      expect(routes.length).toBeGreaterThan(20);
      for (const r of routes) {
        const res = await h.call(r.method, concrete(r.url), r.body ? { body: {} } : {});
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
        expect(res.headers['content-type'], `${r.method} ${r.url}`).toMatch(/application\/problem\+json/);
      }
    });

    it('refuses every route whose permission the role lacks with 403', async () => {
      const granted = new Set(permissionsOf(['grid_worker']));
      const routes = h.app.routeDefs.filter((r) => r.permission && !granted.has(r.permission));
      expect(routes.length).toBeGreaterThan(10);
      for (const r of routes) {
        const res = await h.call(r.method, concrete(r.url), { cookie: gridWorker, ...(r.body ? { body: {} } : {}) });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('auth.permission_denied');
      }
    });

    it('answers malformed JSON on every route with a body with a 400 problem naming the body', async () => {
      const admin = await h.login('admin');
      const routes = h.app.routeDefs.filter((r) => r.body);
      expect(routes.length).toBeGreaterThan(15);
      for (const r of routes) {
        const res = await h.call(r.method, concrete(r.url), {
          cookie: admin,
          headers: { 'content-type': 'application/json' },
          payload: '{"name": ',
        });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
        expect(res.json().errors[0].field, `${r.method} ${r.url}`).toBe('(body)');
      }
    });

    it('documents every route in the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json();
      for (const r of h.app.routeDefs) {
        const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
      }
    });

    it('answers an unknown API path with a 404 problem', async () => {
      const res = await h.call('GET', '/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('route.not_found');
    });
  });
}
