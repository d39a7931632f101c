import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../kernel/config.js';
import type { TestDatabase } from '../../kernel/db/test-databases.js';
import { ADMIN_PASSWORD, openHarness, type Harness } from '../../test-support/harness.js';
import { registerOpen311 } from './index.js';
import { MemoryOpen311Backend } from './memory-backend.js';

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
  const h = await openHarness(tdb);
  const config = loadConfig({ CIVICGRID_ADMIN_PASSWORD: ADMIN_PASSWORD, CIVICGRID_DATA_DIR: '/nonexistent' });
  const backend = new MemoryOpen311Backend(h.clock);
  // buildApp has returned but the app is not ready yet, so routes can still be added.
  registerOpen311(h.app, { database: h.database, clock: h.clock, config, backend });
  const admin = await h.login('admin');
  let n = 0;
  return {
    h, backend, admin,
    get: (url) => h.call('GET', url),
    post: (url, pairs, headers = {}) => h.call('POST', url, {
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
