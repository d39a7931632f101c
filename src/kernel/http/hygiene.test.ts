import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: input hygiene, headers, public URL`, () => {
    let h: Harness;
    let admin: string;
    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
    });
    afterAll(() => h.close());

    it('refuses a NUL byte in a body string with 400 naming the field, nothing written', async () => {
      const r = await h.call('POST', '/api/v1/units', {
        cookie: admin,
        body: { parentId: h.districtId, kind: 'subdistrict', name: '城北\u0000街道' },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      const n = await h.database.db.selectFrom('units').select('id').where('name', 'like', '城北%').execute();
      expect(n).toEqual([]);
    });

    it('refuses other control characters, in nested fields too, and keeps tab/newline/CR in body text', async () => {
      for (const bad of ['\u001b[31m', 'a\u007fb', 'a\u0008b', 'a\u000bb']) {
        const r = await h.call('POST', '/api/v1/units', {
          cookie: admin,
          body: { parentId: h.districtId, kind: 'subdistrict', name: bad },
        });
        expect(r.statusCode, JSON.stringify(bad)).toBe(400);
        expect(r.json().errors[0].field).toBe('name');
      }
      const ok = await h.call('POST', '/api/v1/units', {
        cookie: admin,
        body: { parentId: h.districtId, kind: 'subdistrict', name: '城南\t街道' },
      });
      expect(ok.statusCode).toBe(201);
    });

    it('refuses a NUL byte or a newline in a query field (the ledger search) with 400 naming it', async () => {
      for (const q of ['%00', 'ab%00c', '%22%00', 'a%0Ab']) {
        const r = await h.call('GET', `/api/v1/cases?q=${q}`, { cookie: admin });
        expect(r.statusCode, q).toBe(400);
        expect(r.json().errors[0].field).toBe('q');
      }
    });

    it('searches FTS5 syntax as plain words', async () => {
      for (const q of ['"', 'a"b', 'NEAR(a b)', 'x OR', '*', 'abc"', '%_\\']) {
        const r = await h.call('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`, { cookie: admin });
        expect(r.statusCode, q).toBe(200);
      }
    });

    it('sends the standard security headers and a CSP with a report endpoint', async () => {
      for (const url of ['/api/v1/auth/me', '/healthz']) {
        const r = await h.call('GET', url, { cookie: admin });
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['x-frame-options']).toBe('DENY');
        expect(r.headers['referrer-policy']).toBe('same-origin');
        const csp = String(r.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain('report-uri /csp-report');
      }
      const report = await h.app.inject({
        method: 'POST',
        url: '/csp-report',
        headers: { 'content-type': 'application/csp-report' },
        payload: JSON.stringify({ 'csp-report': { 'violated-directive': 'script-src', 'blocked-uri': 'inline' } }),
      });
      expect(report.statusCode).toBe(204);
      // 60 a minute per client: a page cannot flood the log.
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const r = await h.app.inject({
          method: 'POST',
          url: '/csp-report',
          headers: { 'content-type': 'application/reports+json' },
          payload: '[]',
        });
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(0, 59).every((s) => s === 204)).toBe(true);
      expect(statuses[59]).toBe(429);
    });

    it('names the configured public URL in Open311 discovery, whatever the Host header says', async () => {
      const r = await h.app.inject({
        method: 'GET',
        url: '/open311/v2/discovery.json',
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      });
      expect(r.json().endpoints[0].url).toBe('http://localhost:8080/open311/v2');
    });

    it('marks the session cookie Secure only when the public URL is https', async () => {
      const plain = await h.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'Admin12345' } });
      expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
      const h2 = await openHarness(tdb, { CIVICGRID_PUBLIC_URL: 'https://grid.example.gov.cn' });
      try {
        const tls = await h2.call('POST', '/api/v1/auth/login', {
          body: { username: 'admin', password: 'Admin12345' },
        });
        expect(String(tls.headers['set-cookie'])).toMatch(/; Secure/);
        const d = await h2.app.inject({ method: 'GET', url: '/open311/v2/discovery.json', headers: { host: 'x.y' } });
        expect(d.json().endpoints[0].url).toBe('https://grid.example.gov.cn/open311/v2');
      } finally {
        await h2.close();
      }
    });

    it('marks it Secure behind a trusted proxy that received https, and ignores the header from an untrusted one', async () => {
      const login = (hh: Harness) =>
        hh.call('POST', '/api/v1/auth/login', {
          body: { username: 'admin', password: 'Admin12345' },
          headers: { 'x-forwarded-proto': 'https' },
        });
      expect(String((await login(h)).headers['set-cookie'])).not.toMatch(/Secure/i);
      const h2 = await openHarness(tdb, { CIVICGRID_TRUST_PROXY: 'on' });
      try {
        expect(String((await login(h2)).headers['set-cookie'])).toMatch(/; Secure/);
      } finally {
        await h2.close();
      }
    });
  });
}
