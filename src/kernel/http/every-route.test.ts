import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { declaresReply, route } from './route.js';
import { testDatabases } from '../db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';

/**
 * Routes registered without route(), and why they need no reply schema here. Everything under /api/
 * goes through route().
 */
const RAW_ROUTES: Record<string, string> = {
  '/healthz': 'liveness probe for load balancers and systemd, outside the API',
  '/readyz': 'readiness probe (database reachable), outside the API',
  '/open311/v2': 'Open311 GeoReport v2: XML and JSON in the formats the published spec fixes',
  '/csp-report':
    'browsers’ Content-Security-Policy violation reports (kernel/http/security-headers.ts), outside the API',
  '*': 'the web console: static files and the single-page fallback',
};

/** Every path Fastify serves, read from printRoutes' tree (one node a line, four columns a level). */
function servedPaths(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack.push(path);
    if (m[3]) out.push(path);
  }
  return out;
}

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
      const needs = (p: (typeof h.app.routeDefs)[number]['permission']) => (typeof p === 'string' ? [p] : (p ?? []));
      const routes = h.app.routeDefs.filter((r) => r.permission && !needs(r.permission).some((p) => granted.has(p)));
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

    it('declares on every route what it replies: a schema, 204 or a media type', () => {
      const undeclared = h.app.routeDefs.filter((r) => !declaresReply(r)).map((r) => `${r.method} ${r.url}`);
      expect(undeclared).toEqual([]);
      expect(h.app.routeDefs.filter((r) => r.response).length).toBeGreaterThan(100);
    });

    it('registers every API path through route(), and only the known exceptions outside it', () => {
      const declared = new Set(h.app.routeDefs.map((r) => r.url));
      const raw = servedPaths(h.app).filter((p) => !declared.has(p));
      const unexplained = raw.filter(
        (p) => p.startsWith('/api/') || !Object.keys(RAW_ROUTES).some((k) => (k === '*' ? p === k : p.startsWith(k))),
      );
      expect(unexplained).toEqual([]);
      expect(raw).toContain('/healthz');
      expect(servedPaths(h.app).length).toBeGreaterThan(h.app.routeDefs.length / 2);
    });

    it('documents a reply for every operation in the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json();
      let operations = 0;
      for (const [path, ops] of Object.entries(
        doc.paths as Record<
          string,
          Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
        >,
      )) {
        for (const [method, op] of Object.entries(ops)) {
          operations++;
          const [status, success] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
          if (status === '204') {
            expect(success.content, `${method} ${path}`).toBeUndefined();
            continue;
          }
          const media = Object.values(success.content ?? {});
          expect(media.length, `${method} ${path}`).toBe(1);
          expect(Object.keys(media[0].schema).length, `${method} ${path} has an empty reply schema`).toBeGreaterThan(0);
        }
      }
      expect(operations).toBe(h.app.routeDefs.length);
    });

    it('answers an unknown API path with a 404 problem', async () => {
      const res = await h.call('GET', '/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('route.not_found');
    });
  });
}

describe('route()', () => {
  const app = { routeDefs: [], route: () => undefined } as unknown as FastifyInstance;
  const base = { method: 'GET', url: '/api/v1/x', summary: 'x', tag: 't', handler: async () => ({}) } as const;

  it('refuses a route that declares no reply', () => {
    // @ts-expect-error a route must declare a response schema, status 204 or produces
    expect(() => route(app, { ...base })).toThrow(/GET \/api\/v1\/x declares no reply/);
    // @ts-expect-error a 201 still needs its reply schema
    expect(() => route(app, { ...base, status: 201 })).toThrow(/declares no reply/);
  });

  it('takes each of the three declarations', () => {
    expect(() => route(app, { ...base, response: z.object({}) })).not.toThrow();
    expect(() => route(app, { ...base, status: 204 })).not.toThrow();
    expect(() => route(app, { ...base, produces: 'text/csv' })).not.toThrow();
    // @ts-expect-error a 204 has no body to describe
    route(app, { ...base, status: 204, response: z.object({}) });
  });
});
