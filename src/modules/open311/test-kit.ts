import type { LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';
import { MemoryOpen311Backend } from './memory-backend.js';
import type { Open311Backend } from './open311.types.js';

/* Test support for the route tests: the harness's app with the Open311 module registered on it. */

export interface Open311Kit {
  h: Harness;
  backend: MemoryOpen311Backend;
  admin: string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** POST with an x-www-form-urlencoded body built from the pairs (a name may repeat). */
  post(url: string, pairs: [string, string][], headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Issues an API key through the admin endpoint and returns it. */
  issueKey(name?: string): Promise<{ id: string; key: string }>;
}

export async function openOpen311Kit(tdb: TestDatabase): Promise<Open311Kit> {
  // The protocol layer is tested against an in-memory backend; tests through the real ledger are in modules/cases.
  // The backend needs the harness's clock, so the app gets a forwarder filled in once the harness exists.
  // eslint-disable-next-line prefer-const -- assigned once the harness (and its clock) exists, after `forward` closes over it
  let backend!: MemoryOpen311Backend;
  const forward: Open311Backend = {
    services: () => backend.services(),
    createRequest: (c, i) => backend.createRequest(c, i),
    findRequests: (d, f) => backend.findRequests(d, f),
    findToken: (d, t) => backend.findToken(d, t),
    servicesChangedAt: () => backend.servicesChangedAt?.() ?? Promise.resolve(null),
  };
  const h = await openHarness(tdb, {}, { open311Backend: forward });
  backend = new MemoryOpen311Backend(h.clock);
  const admin = await h.login('admin');
  let n = 0;
  return {
    h,
    backend,
    admin,
    get: (url) => h.call('GET', url),
    post: (url, pairs, headers = {}) =>
      h.call('POST', url, {
        payload: new URLSearchParams(pairs).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      }),
    async issueKey(name = `客户端${++n}`) {
      const res = await h.call('POST', '/api/v1/open311/api-keys', { cookie: admin, body: { name } });
      if (res.statusCode !== 201) throw new Error(`issue key: ${res.statusCode} ${res.body}`);
      return res.json();
    },
  };
}
