import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

// The console's own origin as a browser would name it; the harness's requests carry this Host.
const HOST = '127.0.0.1:8303';
const SELF = `http://${HOST}`;
const OTHER = 'http://127.0.0.1:8304';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: cross-site requests`, () => {
    let h: Harness;
    let admin: string;
    let accountId: string;
    let temp: string;
    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username: 'clerk01', displayName: '文员', unitId: h.districtId, roles: ['grid_worker'] },
        headers: { host: HOST },
      });
      expect(acc.statusCode).toBe(201);
      accountId = acc.json().account.id;
      temp = acc.json().temporaryPassword;
    });
    afterAll(() => h.close());

    /** A form post as a page elsewhere makes it: the cookie rides along, the body is whatever the form sends. */
    const forged = (url: string, headers: Record<string, string>, payload = '') =>
      h.app.inject({ method: 'POST', url, headers: { cookie: admin, host: HOST, ...headers }, payload });

    const stillTemporary = async () => {
      const r = await h.call('POST', '/api/v1/auth/login', { body: { username: 'clerk01', password: temp } });
      return r.statusCode === 200;
    };

    it('refuses a text/plain form post to a bodiless route (password reset) with 403 csrf.content_type, nothing done', async () => {
      const r = await forged(`/api/v1/accounts/${accountId}/reset-password`, { 'content-type': 'text/plain' }, 'x=1');
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().code).toBe('csrf.content_type');
      expect(await stillTemporary()).toBe(true);
    });

    it('refuses urlencoded and bodiless posts without a JSON content type', async () => {
      for (const headers of [{ 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
        const r = await forged('/api/v1/inbox/read-all', headers);
        expect(r.statusCode).toBe(403);
        expect(r.json().code).toBe('csrf.content_type');
      }
    });

    it('refuses a JSON post from another origin or another site with 403 csrf.cross_origin, nothing done', async () => {
      for (const headers of [
        { origin: OTHER },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: OTHER, 'sec-fetch-site': 'same-origin' },
        { origin: 'null' },
      ] as Record<string, string>[]) {
        const r = await forged(`/api/v1/accounts/${accountId}/reset-password`, {
          'content-type': 'application/json',
          ...headers,
        });
        expect(r.statusCode, JSON.stringify(headers)).toBe(403);
        expect(r.json().code).toBe('csrf.cross_origin');
      }
      expect(await stillTemporary()).toBe(true);
    });

    it('refuses revoking an Open311 key from another origin; the key stays active', async () => {
      const key = await h.call('POST', '/api/v1/open311/api-keys', { cookie: admin, body: { name: '市民端' } });
      expect(key.statusCode).toBe(201);
      const r = await forged(`/api/v1/open311/api-keys/${key.json().id}/revoke`, {
        'content-type': 'text/plain',
        origin: OTHER,
      });
      expect(r.statusCode).toBe(403);
      const list = await h.call('GET', '/api/v1/open311/api-keys', { cookie: admin });
      expect(list.json().items.find((k: { id: string }) => k.id === key.json().id).revokedAt).toBeNull();
    });

    it('refuses a cross-origin login', async () => {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: HOST, origin: OTHER, 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'admin', password: 'Admin12345' }),
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('csrf.cross_origin');
    });

    it('refuses a cookie-authenticated multipart upload without a same-origin Origin or Sec-Fetch-Site', async () => {
      const boundary = 'xxBOUNDARYxx';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc\r\n--${boundary}--\r\n`;
      const type = `multipart/form-data; boundary=${boundary}`;
      for (const headers of [{}, { origin: OTHER }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
        const r = await forged('/api/v1/files', { 'content-type': type, ...headers }, payload);
        expect(r.statusCode, JSON.stringify(headers)).toBe(403);
        expect(r.json().code).toBe('csrf.cross_origin');
      }
      // The console's upload: same origin; the file itself is then judged (not a photo: 422).
      for (const headers of [{ origin: SELF }, { 'sec-fetch-site': 'same-origin' }] as Record<string, string>[]) {
        const r = await forged('/api/v1/files', { 'content-type': type, ...headers }, payload);
        expect(r.statusCode, JSON.stringify(headers)).not.toBe(403);
      }
    });

    it('accepts the console’s bodiless JSON post from its own origin', async () => {
      const r = await forged(`/api/v1/accounts/${accountId}/reset-password`, {
        'content-type': 'application/json',
        origin: SELF,
        'sec-fetch-site': 'same-origin',
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(await stillTemporary()).toBe(false);
      temp = r.json().temporaryPassword;
      // DELETE without a body, and a direct navigation's Sec-Fetch-Site: none.
      const d = await h.app.inject({
        method: 'POST',
        url: '/api/v1/inbox/read-all',
        headers: {
          cookie: admin,
          host: HOST,
          'content-type': 'application/json; charset=utf-8',
          'sec-fetch-site': 'none',
        },
      });
      expect(d.statusCode).toBe(204);
    });

    it('does not apply to a bearer-token client (no cookie): a text/plain post is judged by the route alone', async () => {
      const t = await h.call('POST', '/api/v1/auth/tokens', { cookie: admin, body: { name: '对接' } });
      expect(t.statusCode).toBe(201);
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/inbox/read-all',
        headers: { authorization: `Bearer ${t.json().token}`, 'content-type': 'text/plain', origin: OTHER },
        payload: '',
      });
      expect(r.statusCode).toBe(204);
    });

    it('leaves the public Open311 POST (api_key, form-encoded, meant for other sites) to Open311', async () => {
      const r = await h.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { cookie: admin, host: HOST, origin: OTHER, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'service_code=0101&description=x',
      });
      // Refused by Open311 for the missing api_key, in its own format, not by the CSRF check.
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.stringify(r.json())).toMatch(/api_key/);
    });
  });
}
