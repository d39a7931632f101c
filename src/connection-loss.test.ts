import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateToLatest } from './kernel/db/db.js';
import type { TestDatabase } from './kernel/db/test-databases.js';
import { openHarness, type Harness } from './test-support/harness.js';
import {
  adminQuery,
  createScratchDatabase,
  dropScratchDatabase,
  startServerProcess,
  stopServerProcess,
  terminateBackends,
} from './test-support/server-process.js';

/* A PostgreSQL connection dropped under the app (pg_terminate_backend; as a restart, a failover,
   idle_session_timeout or a proxy closing idle connections do): the process keeps serving, requests
   caught by the drop answer 503 (never 500), the pool reconnects, and /readyz says 503 while the
   database refuses connections, without the driver's words. PostgreSQL only. */

const baseUrl = process.env.CIVICGRID_TEST_PG_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!baseUrl)('a dropped PostgreSQL connection (in process)', () => {
  let scratch: { name: string; url: string };
  let h: Harness;

  beforeAll(async () => {
    scratch = await createScratchDatabase(baseUrl!);
    const tdb: TestDatabase = {
      name: 'postgres',
      async open() {
        const database = createDb({ databaseUrl: scratch.url, poolSize: 4 });
        await migrateToLatest(database.db);
        return { ...database, migrateRest: async () => undefined };
      },
    };
    h = await openHarness(tdb);
  });
  afterAll(async () => {
    await h?.close();
    if (scratch) {
      await adminQuery(baseUrl!, `ALTER DATABASE ${scratch.name} ALLOW_CONNECTIONS true`);
      await dropScratchDatabase(baseUrl!, scratch.name);
    }
  });

  it('keeps serving through terminated backends under load, and recovers', { timeout: 60_000 }, async () => {
    const cookie = await h.login('admin');
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    let stop = false;
    const worker = async (i: number) => {
      while (!stop) {
        const r =
          i % 3 === 0
            ? await h.call('GET', '/api/v1/auth/me', { cookie })
            : i % 3 === 1
              ? await h.call('GET', '/api/v1/units', { cookie })
              : await h.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'Admin12345' } });
        statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
        if (r.statusCode !== 200) {
          // A request caught by the drop: 503 problem+json, the driver's words not in it.
          if (
            r.statusCode !== 503 ||
            !String(r.headers['content-type']).startsWith('application/problem+json') ||
            /terminat|ECONN|connection/i.test(r.body)
          )
            bad.push(`${r.statusCode} ${r.body.slice(0, 300)}`);
        }
      }
    };
    const workers = Array.from({ length: 9 }, (_, i) => worker(i));
    let terminated = 0;
    for (let round = 0; round < 6; round++) {
      await sleep(250);
      terminated += await terminateBackends(baseUrl!, scratch.name);
    }
    await sleep(200);
    stop = true;
    await Promise.all(workers);
    expect(terminated).toBeGreaterThanOrEqual(6);
    expect(bad).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);

    // After the storm every request succeeds.
    for (let i = 0; i < 12; i++) {
      expect((await h.call('GET', '/api/v1/units', { cookie })).statusCode).toBe(200);
      expect((await h.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    }
    expect((await h.call('GET', '/readyz')).statusCode).toBe(200);
  });

  it('runs a read again on a new connection when its own was lost, never a statement inside a transaction', async () => {
    const db = h.database.db;
    const count = () =>
      db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    // One connection held across the drop: the read after it is answered, from a new backend.
    const pids = await db.connection().execute(async (conn) => {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
      await terminateBackends(baseUrl!, scratch.name);
      await sleep(100);
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
      expect(Number((await conn.selectFrom('accounts').select('id').execute()).length)).toBe(1);
      return [before.rows[0].pid, after.rows[0].pid];
    });
    expect(pids[0]).not.toBe(pids[1]);
    // Inside a transaction the statement is not run again: the transaction fails, nothing half done.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.selectFrom('accounts').select('id').execute();
        await terminateBackends(baseUrl!, scratch.name);
        await sleep(100);
        await trx.selectFrom('accounts').select('id').execute();
      }),
    ).rejects.toThrow();
    expect((await count()).n).toBe(1);
  });

  it('answers /readyz 503 while the database refuses connections, 200 once it is back', async () => {
    expect((await h.call('GET', '/readyz')).statusCode).toBe(200);
    await adminQuery(baseUrl!, `ALTER DATABASE ${scratch.name} ALLOW_CONNECTIONS false`);
    await terminateBackends(baseUrl!, scratch.name);
    try {
      for (let i = 0; i < 3; i++) {
        const r = await h.call('GET', '/readyz');
        expect(r.statusCode).toBe(503);
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        const body = r.json() as { code: string; detail: string };
        expect(body.code).toBe('not_ready');
        // Not the driver's words (they name the database and the cause).
        expect(r.body).not.toContain(scratch.name);
        expect(r.body).not.toMatch(/accepting|terminat|ECONN/i);
        // /healthz is the process: still up.
        expect((await h.call('GET', '/healthz')).statusCode).toBe(200);
      }
    } finally {
      await adminQuery(baseUrl!, `ALTER DATABASE ${scratch.name} ALLOW_CONNECTIONS true`);
    }
    expect((await h.call('GET', '/readyz')).statusCode).toBe(200);
    const cookie = await h.login('admin');
    expect((await h.call('GET', '/api/v1/units', { cookie })).statusCode).toBe(200);
  });
});

describe.skipIf(!baseUrl)('a dropped PostgreSQL connection (npm start)', () => {
  it('src/main.ts survives its backends terminated, and serves after', { timeout: 90_000 }, async () => {
    const scratch = await createScratchDatabase(baseUrl!);
    const server = await startServerProcess({ DATABASE_URL: scratch.url, CIVICGRID_DEMO: 'off' });
    try {
      await server.listening;
      const get = (p: string) => fetch(`http://127.0.0.1:${server.port}${p}`);
      for (let round = 0; round < 3; round++) {
        // A few connections in the pool, idle when they are terminated.
        const warm = await Promise.all(Array.from({ length: 6 }, () => get('/readyz')));
        expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
        expect(await terminateBackends(baseUrl!, scratch.name)).toBeGreaterThan(0);
        await sleep(700);
        expect(server.alive(), server.output().slice(-2000)).toBe(true);
      }
      const r = await get('/readyz');
      expect(r.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Admin12345' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await stopServerProcess(server);
      await dropScratchDatabase(baseUrl!, scratch.name);
    }
  });
});
