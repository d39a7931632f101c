import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createScratchDatabase,
  dropScratchDatabase,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from './test-support/server-process.js';

/* The first start of `npm start` (src/main.ts) on an empty database: the district root and admin, the
   modules' set-up and the demo district, run once and all or nothing — two processes started together
   both come up with one demo between them, and a start killed midway leaves nothing (the next start
   does it all). The reference is one start alone: every table holds as many rows after the race, or
   after the kill and the restart, as after it. */

const baseUrl = process.env.CIVICGRID_TEST_PG_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Not compared: the migrator's own, and the tables the scheduled jobs write (their slot claims, reminders,
 * notices and their audit lines, kept rates), which start with the server and are at different points in
 * different processes when the counts are taken.
 */
const NOT_COMPARED = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'job_runs',
  'audit_events',
  'inbox_messages',
  'proposal_reminders',
  'star_rate_values',
  'star_rating_reminders',
  'star_weekly_reminders',
]);

/** Every table's row count (but those above). */
async function pgCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables.rows) {
      if (NOT_COMPARED.has(t)) continue;
      out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
    }
    return out;
  } finally {
    await c.end();
  }
}

async function sqliteCounts(file: string, tables: readonly string[]): Promise<Record<string, number>> {
  const db = new SQLite(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

describe.skipIf(!baseUrl)('first start on an empty database', () => {
  const scratch: string[] = [];
  const servers: ServerProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const s = await startServerProcess(env);
    servers.push(s);
    return s;
  };
  const database = async () => {
    const d = await createScratchDatabase(baseUrl!);
    scratch.push(d.name);
    return d;
  };
  let reference: Record<string, number> = {};

  afterAll(async () => {
    for (const s of servers) await stopServerProcess(s);
    for (const name of scratch) await dropScratchDatabase(baseUrl!, name);
  }, 60_000);

  it(
    'two processes started together on one PostgreSQL database both serve, with one demo',
    { timeout: 240_000 },
    async () => {
      const alone = await database();
      const shared = await database();
      const r = await start({ DATABASE_URL: alone.url });
      const [a, b] = [await start({ DATABASE_URL: shared.url }), await start({ DATABASE_URL: shared.url })];
      const outcome = await Promise.allSettled([r.listening, a.listening, b.listening]);
      if (outcome[0].status === 'fulfilled') reference = await pgCounts(alone.url);
      expect(outcome.map((o) => (o.status === 'rejected' ? String(o.reason).slice(0, 1500) : 'up'))).toEqual([
        'up',
        'up',
        'up',
      ]);
      // The demo is there: the district's units and the demo accounts (one district root, one admin).
      expect(reference.units).toBeGreaterThan(100);
      expect(reference.accounts).toBeGreaterThan(10);
      expect(await pgCounts(shared.url)).toEqual(reference);
      for (const s of [r, a, b]) await stopServerProcess(s);
    },
  );

  it('a first start killed midway leaves nothing, and the next start does it all', { timeout: 240_000 }, async () => {
    expect(reference.units).toBeGreaterThan(100);
    const killed = await database();
    const s = await start({ DATABASE_URL: killed.url });
    const watch = new pg.Client({ connectionString: baseUrl });
    await watch.connect();
    // Kill it while it writes the demo: once some units are visible (written piecemeal), or once the start
    // has held its advisory lock inside its transaction for a second and a half (nothing visible until it
    // commits; the migrations before it take no advisory lock).
    let why = '';
    try {
      for (let i = 0; i < 600 && !why && s.alive(); i++) {
        await sleep(50);
        const open = await watch.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity a
            WHERE a.datname = $1 AND a.xact_start < now() - interval '1.5 seconds'
              AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)`,
          [killed.name],
        );
        if (open.rows[0].n > 0) why = 'in its transaction';
        const units = why ? 0 : await countUnits(killed.url);
        if (units > 1) why = `${units} units written`;
      }
    } finally {
      await watch.end();
    }
    expect(why, s.output().slice(-1500)).not.toBe('');
    s.child.kill('SIGKILL');
    await s.exited;
    // Nothing, or everything: never half a demo.
    const after = await pgCounts(killed.url);
    if (after.units) expect(after).toEqual(reference);
    // Nothing: not even the tables (the migrations are part of the start's transaction).
    else expect(after.accounts ?? 0).toBe(0);
    const again = await start({ DATABASE_URL: killed.url });
    await again.listening;
    expect(await pgCounts(killed.url)).toEqual(reference);
    await stopServerProcess(again);
  });

  it('two processes started together on one SQLite file both serve, with one demo', { timeout: 240_000 }, async () => {
    expect(reference.units).toBeGreaterThan(100);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-first-start-'));
    const [a, b] = [await start({ CIVICGRID_DATA_DIR: dir }), await start({ CIVICGRID_DATA_DIR: dir })];
    const outcome = await Promise.allSettled([a.listening, b.listening]);
    expect(outcome.map((o) => (o.status === 'rejected' ? String(o.reason).slice(0, 1500) : 'up'))).toEqual([
      'up',
      'up',
    ]);
    expect(await sqliteCounts(path.join(dir, 'civicgrid.db'), Object.keys(reference))).toEqual(reference);
    for (const s of [a, b]) await stopServerProcess(s);
  });
});

async function countUnits(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const exists = await c.query<{ yes: boolean }>(`SELECT to_regclass('public.units') IS NOT NULL AS yes`);
    if (!exists.rows[0].yes) return 0;
    return (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM units`)).rows[0].n;
  } finally {
    await c.end();
  }
}
