import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/* Test support for the tests of the server as an operator runs it: a scratch PostgreSQL database of its
   own (not a schema: it can be refused connections, its backends terminated), and `src/main.ts` in a
   child process, as `npm start` runs it. */

/** The scratch database's URL next to `baseUrl` (CIVICGRID_TEST_PG_URL), created empty. */
export async function createScratchDatabase(baseUrl: string, prefix = 'wtc'): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** One statement on the base database, from a connection of its own. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  baseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return (await c.query<R>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** Terminates every backend connected to database `name` but the caller's; answers how many. */
export async function terminateBackends(baseUrl: string, name: string): Promise<number> {
  const rows = await adminQuery<{ n: number }>(
    baseUrl,
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
       FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [name],
  );
  return rows[0].n;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once it listens; rejects if it exits first. */
  listening: Promise<void>;
  /** Resolves with its exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

/** `node --import tsx src/main.ts` with these settings over the environment (no DATABASE_URL: SQLite). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = env.CIVICGRID_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
      CIVICGRID_DEMO_PASSWORD: 'Demo12345',
      LOG_LEVEL: 'warn',
      ...env,
      CIVICGRID_DATA_DIR: dataDir,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exitedAs: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedAs = { code, signal };
      resolve(exitedAs);
    }),
  );
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('listening on http://')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out.slice(-3000)}`)),
    );
  });
  listening.catch(() => undefined);
  return { child, port, output: () => out, listening, exited, alive: () => exitedAs === null };
}

/** Stops it (SIGTERM, then SIGKILL after 5 s) and waits for the exit. */
export async function stopServerProcess(p: ServerProcess): Promise<void> {
  if (!p.alive()) return;
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await p.exited;
  clearTimeout(t);
}
