import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../app.js';
import { fixedClock } from '../kernel/clock.js';
import { loadConfig } from '../kernel/config.js';
import type { Database } from '../kernel/db/db.js';
import type { TestDatabase } from '../kernel/db/test-databases.js';
import { prepareModules } from '../kernel/modules/descriptor.js';
import { bootstrapDistrict, LocateService } from '../modules/org/index.js';
import { createModuleContext, MODULES } from '../modules/registry.js';
import type { ModuleContext } from '../modules/module.js';

export const ADMIN_PASSWORD = 'Admin12345';

export interface Harness {
  app: FastifyInstance;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  districtId: string;
  /** The app's module context (org's directory, the config …), for fixtures that set up through modules. */
  context: ModuleContext;
  /** Logs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  call(
    method: string,
    url: string,
    opts?: { cookie?: string; body?: unknown; headers?: Record<string, string>; payload?: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh database, the district root and the admin, and the app served in-process. */
export async function openHarness(
  tdb: TestDatabase,
  env: Record<string, string> = {},
  extra: Pick<AppDeps, 'open311Backend' | 'events'> = {},
): Promise<Harness> {
  const database = await tdb.open();
  const clock = fixedClock('2026-11-30T02:00:00.000Z');
  const config = loadConfig({
    CIVICGRID_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-test-')),
    CIVICGRID_LOGIN_RATE_LIMIT: '1000',
    ...env,
  });
  const boot = await bootstrapDistrict(database, config, clock);
  const locator = new LocateService(database, clock);
  // The modules' start-up set-up, as at every server start (cases' default categories …).
  const context = createModuleContext({ ...extra, database, clock, config, locator });
  await prepareModules(MODULES, context);
  const app = await buildApp({
    config,
    database,
    clock,
    locator,
    context,
    logger: process.env.CIVICGRID_TEST_LOG ? { level: 'error' } : false,
  });
  const call: Harness['call'] = (method, url, opts = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        // As the console does: a state-changing call says application/json, an empty one too (CSRF guard).
        ...(opts.body !== undefined || (opts.cookie && method !== 'GET') ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      payload: opts.payload ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
  return {
    app,
    database,
    clock,
    districtId: boot.districtId,
    context,
    call,
    async login(username, password = ADMIN_PASSWORD) {
      const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const set = res.headers['set-cookie'];
      const first = Array.isArray(set) ? set[0] : set!;
      return first.split(';')[0];
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
