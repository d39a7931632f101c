import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { ADMIN_PASSWORD, openHarness, type Harness } from '../../../test-support/harness.js';

// Issue 16, item 2 (login throttling). The rule, by hand: five failures from one
// client for one username are free; from then on the k-th counted failure refuses that client for
// 2^(k-5) s (1, 2, 4 …), at most 900 s, and a refused attempt counts as a failure too.

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: login throttling`, () => {
    let h: Harness;
    let admin: string;

    const login = (username: string, password: string, ip: string, requestId = 'req-fixed') =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        payload: JSON.stringify({ username, password }),
      });
    const failures = async (username: string, client: string) =>
      (
        await h.database.db
          .selectFrom('login_throttles')
          .select('failures')
          .where('username', '=', username)
          .where('client', '=', client)
          .executeTakeFirst()
      )?.failures;
    // What differs between two otherwise identical replies only by wall-clock time, not by the account.
    const comparable = (r: LightMyRequestResponse) => {
      const headers = { ...r.headers };
      delete headers['x-request-id'];
      delete headers['date'];
      delete headers['x-ratelimit-reset'];
      return { status: r.statusCode, headers, body: r.body };
    };
    async function account(username: string, roles: string[] = ['community_worker']) {
      const unitId = h.districtId;
      const created = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: '测试', unitId, roles },
      });
      expect(created.statusCode, created.body).toBe(201);
      const temp = created.json().temporaryPassword as string;
      const cookie = await h.login(username, temp);
      const changed = await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: 'Right12345' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      return { id: created.json().account.id as string };
    }

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
    });
    afterAll(async () => h?.close());

    it('counts 20 concurrent wrong passwords exactly and refuses that client afterwards', async () => {
      await account('conc');
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login('conc', `Wrong${i}xyz`, '192.0.2.20', `c${i}`)),
      );
      for (const r of replies) expect([401, 429]).toContain(r.statusCode);
      expect(Number(await failures('conc', '192.0.2.20'))).toBe(20);
      // The right password from the same client: refused (the 21st counted failure: 2^16 s, capped at 900 s).
      const refused = await login('conc', 'Right12345', '192.0.2.20');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('900');
      expect(Number(await failures('conc', '192.0.2.20'))).toBe(21);
      // Another client is not affected.
      expect((await login('conc', 'Right12345', '192.0.2.21')).statusCode).toBe(200);
    });

    it('answers a missing and an existing account byte-identically through the whole sequence', async () => {
      await account('real');
      const steps: { advanceMs: number; expected: number; retryAfter?: string }[] = [
        { advanceMs: 0, expected: 401 },
        { advanceMs: 0, expected: 401 },
        { advanceMs: 0, expected: 401 },
        { advanceMs: 0, expected: 401 },
        { advanceMs: 0, expected: 401 }, // 5 failures: 1 s from now
        { advanceMs: 0, expected: 429, retryAfter: '2' }, // 6th counted: 2 s
        { advanceMs: 0, expected: 429, retryAfter: '4' }, // 7th counted: 4 s
        { advanceMs: 4000, expected: 401 }, // block over; 8th counted: 8 s
        { advanceMs: 0, expected: 429, retryAfter: '16' }, // 9th: 16 s
      ];
      for (const [i, s] of steps.entries()) {
        h.clock.advance(s.advanceMs);
        const real = await login('real', `Wrong${i}abc`, '198.51.100.1', `seq${i}`);
        const ghost = await login('ghost', `Wrong${i}abc`, '198.51.100.2', `seq${i}`);
        expect(real.statusCode, `step ${i}`).toBe(s.expected);
        if (s.retryAfter) expect(real.headers['retry-after'], `step ${i}`).toBe(s.retryAfter);
        expect(comparable(ghost), `step ${i}`).toEqual(comparable(real));
      }
      h.clock.advance(16_000);
      expect((await login('real', 'Right12345', '198.51.100.1')).statusCode).toBe(200);
      // A success resets that account and client: five failures are free again.
      for (let i = 0; i < 5; i++) expect((await login('real', 'Wrong1abc', '198.51.100.1')).statusCode).toBe(401);
      expect((await login('real', 'Wrong1abc', '198.51.100.1')).statusCode).toBe(429);
    });

    it('lets the real admin log in from another address after an attacker’s 50 failures', async () => {
      for (let i = 0; i < 50; i++) await login('admin', `Guess${i}abc`, '203.0.113.66', `a${i}`);
      expect(Number(await failures('admin', '203.0.113.66'))).toBe(50);
      expect((await login('admin', ADMIN_PASSWORD, '203.0.113.66')).statusCode).toBe(429);
      const real = await login('admin', ADMIN_PASSWORD, '198.51.100.77');
      expect(real.statusCode, real.body).toBe(200);
    });

    it('throttles wrong current passwords on change-password the same way', async () => {
      await account('changer');
      const res = await login('changer', 'Right12345', '192.0.2.50');
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      const change = (currentPassword: string) =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/change-password',
          remoteAddress: '192.0.2.50',
          headers: { 'content-type': 'application/json', cookie },
          payload: JSON.stringify({ currentPassword, newPassword: 'Newer12345' }),
        });
      for (let i = 0; i < 5; i++) expect((await change(`Wrong${i}abc`)).statusCode).toBe(422);
      const refused = await change('Right12345');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('2');
      expect(refused.json().code).toBe('auth.throttled');
      h.clock.advance(2000);
      expect((await change('Right12345')).statusCode).toBe(204);
    });
  });
}
