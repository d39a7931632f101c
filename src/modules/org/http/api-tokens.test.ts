import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

// Issue 16, item 4: API tokens expire (90 days by default, at most 365), end with a password change or
// an admin reset, stop while the account must change its password, cannot mint tokens, and only roles
// holding token.create mint them.

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: API tokens`, () => {
    let h: Harness;
    let admin: string;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    async function account(username: string, roles: string[]) {
      const created = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: '测试', unitId: h.districtId, roles },
      });
      expect(created.statusCode, created.body).toBe(201);
      const temp = created.json().temporaryPassword as string;
      const cookie = await h.login(username, temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: 'Right12345' },
      });
      return { id: created.json().account.id as string, cookie: await h.login(username, 'Right12345') };
    }
    const mint = (cookie: string, body: unknown = { name: '集成' }) =>
      h.call('POST', '/api/v1/auth/tokens', { cookie, body });

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
    });
    afterAll(async () => h?.close());

    it('gives a token 90 days by default, at most 365, and refuses it as 401 once expired', async () => {
      const t = await mint(admin);
      expect(t.statusCode, t.body).toBe(201);
      // 2026-11-30T02:00Z + 90 days
      expect(t.json().expiresAt).toBe('2027-02-28T02:00:00.000Z');
      const list = await h.call('GET', '/api/v1/auth/tokens', { cookie: admin });
      expect(list.json().items[0].expiresAt).toBe('2027-02-28T02:00:00.000Z');
      const long = await mint(admin, { name: '长期', expiresInDays: 365 });
      expect(long.json().expiresAt).toBe('2027-11-30T02:00:00.000Z');
      for (const bad of [0, 366, 1.5]) {
        const r = await mint(admin, { name: '越界', expiresInDays: bad });
        expect(r.statusCode).toBe(400);
        expect(r.json().errors[0].field).toBe('expiresInDays');
      }
      const short = await mint(admin, { name: '一天', expiresInDays: 1 });
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(short.json().token) })).statusCode).toBe(200);
      h.clock.advance(24 * 3600_000);
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(short.json().token) })).statusCode).toBe(401);
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(long.json().token) })).statusCode).toBe(200);
      admin = await h.login('admin');
    });

    it('revokes every token of the account when its owner changes the password', async () => {
      const a = await account('owner2', ['admin']);
      const t = (await mint(a.cookie)).json().token;
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(t) })).statusCode).toBe(200);
      const changed = await h.call('POST', '/api/v1/auth/change-password', {
        cookie: a.cookie,
        body: { currentPassword: 'Right12345', newPassword: 'Other12345' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(t) })).statusCode).toBe(401);
    });

    it('revokes every token of the account on an admin reset', async () => {
      const a = await account('owner3', ['admin']);
      const t = (await mint(a.cookie)).json().token;
      const reset = await h.call('POST', `/api/v1/accounts/${a.id}/reset-password`, { cookie: admin, body: {} });
      expect(reset.statusCode, reset.body).toBe(200);
      expect((await h.call('GET', '/api/v1/units', { headers: bearer(t) })).statusCode).toBe(401);
    });

    it('refuses token auth with 403 while the account must change its password', async () => {
      const a = await account('owner4', ['admin']);
      const t = (await mint(a.cookie)).json().token;
      await h.database.db.updateTable('accounts').set({ must_change_password: 1 }).where('id', '=', a.id).execute();
      for (const url of ['/api/v1/units', '/api/v1/auth/me']) {
        const r = await h.call('GET', url, { headers: bearer(t) });
        expect(r.statusCode, url).toBe(403);
        expect(r.json().code).toBe('auth.password_change_required');
      }
    });

    it('lets only a cookie session mint tokens', async () => {
      const t = (await mint(admin)).json().token;
      const r = await h.call('POST', '/api/v1/auth/tokens', { headers: bearer(t), body: { name: '再签' } });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('auth.token_needs_session');
    });

    it('lets only roles holding token.create mint tokens', async () => {
      const w = await account('worker5', ['community_worker']);
      const r = await mint(w.cookie);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('auth.permission_denied');
    });
  });
}
