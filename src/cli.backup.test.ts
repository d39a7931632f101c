import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from './kernel/clock.js';
import { loadConfig } from './kernel/config.js';
import { createDb, migrateToLatest } from './kernel/db/db.js';
import { inStartTransaction } from './kernel/db/start-transaction.js';
import { prepareModules } from './kernel/modules/descriptor.js';
import { bootstrapDistrict, LocateService, orgModule } from './modules/org/index.js';
import { createModuleContext } from './modules/registry.js';

const run = promisify(execFile);
const cli = (dataDir: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, CIVICGRID_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** Every table, every row, in a fixed order: read straight from the file, not through the code under test. */
function dumpTables(dbFile: string): Record<string, string[]> {
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const out: Record<string, string[]> = {};
    for (const { name } of tables)
      out[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    return out;
  } finally {
    db.close();
  }
}

function dumpFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(root)) return out;
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(root, p)] = fs.readFileSync(p).toString('base64');
  }
  return out;
}

// The operator's backup and restore of an SQLite data folder: a consistent copy taken while a writer
// holds an open transaction, brought back whole; refusals leave everything as it was.
describe('operator CLI: backup and restore (SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-backup-'));
  const dataDir = path.join(dir, 'data');
  const dbFile = path.join(dataDir, 'civicgrid.db');
  const filesRoot = path.join(dataDir, 'files');
  const archive = path.join(dir, 'backup.tar.gz');
  const photo = randomBytes(70_000);

  beforeAll(async () => {
    // A demo district as a first server start makes it (bootstrap + the org demo seed).
    const config = loadConfig({
      CIVICGRID_DATA_DIR: dataDir,
      CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
      CIVICGRID_DEMO_PASSWORD: 'Demo12345',
    });
    const database = createDb({ databaseUrl: null, sqlitePath: dbFile });
    await inStartTransaction(database, async (inStart) => {
      await migrateToLatest(inStart.db);
      const boot = await bootstrapDistrict(inStart, config, systemClock);
      const ctx = createModuleContext({
        database: inStart,
        clock: systemClock,
        config,
        locator: new LocateService(inStart, systemClock),
      });
      await prepareModules([orgModule], ctx, { districtId: boot.districtId, now: systemClock.now() });
    });
    await database.close();
    fs.mkdirSync(path.join(filesRoot, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(filesRoot, 'ab', 'ab01'), photo);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backs up while a write is in progress, and restores exactly that state', async () => {
    const atBackup = dumpTables(dbFile);
    const filesAtBackup = dumpFiles(filesRoot);
    expect(atBackup.units!.length).toBeGreaterThan(10);
    // A writer (as the running server would be) holds an uncommitted change during the whole backup.
    const writer = new SQLite(dbFile);
    writer.pragma('busy_timeout = 5000');
    writer.exec('BEGIN IMMEDIATE');
    writer.exec(`UPDATE units SET name = name || '（改）'`);
    const b = await cli(dataDir, ['backup', archive]);
    writer.exec('COMMIT');
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    // A standard tar.gz: the system's tar lists it.
    const { stdout: listing } = await run('tar', ['-tzf', archive]);
    expect(listing.split('\n').filter(Boolean).sort()).toEqual(['civicgrid.db', 'files/ab/ab01', 'manifest.json']);
    const { stdout: manifestText } = await run('tar', ['-xzOf', archive, 'manifest.json']);
    const manifest = JSON.parse(manifestText);
    expect(manifest.counts.units).toBe(atBackup.units!.length);
    expect(manifest.migrations.length).toBe(atBackup.kysely_migration!.length);

    // After the backup: data and files change.
    writer.exec(`DELETE FROM login_throttles`);
    writer.exec(
      `INSERT INTO login_throttles (username, client, failures, updated_at) VALUES ('x', '::1', 1, '2026-01-01')`,
    );
    fs.writeFileSync(path.join(filesRoot, 'ab', 'ab01'), 'overwritten');
    fs.writeFileSync(path.join(filesRoot, 'ab', 'ab02'), 'new');
    const changed = dumpTables(dbFile);
    expect(changed.units).not.toEqual(atBackup.units);

    // While a process (the server) has the database open, restore refuses and changes nothing.
    const refused = await cli(dataDir, ['restore', archive]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/in use \(is the server running\?\)/);
    writer.close();
    expect(dumpTables(dbFile)).toEqual(changed);

    const r = await cli(dataDir, ['restore', archive]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(dumpTables(dbFile)).toEqual(atBackup);
    expect(dumpFiles(filesRoot)).toEqual(filesAtBackup);
    // The replaced state is kept beside.
    expect(fs.existsSync(`${dbFile}.before-restore`)).toBe(true);
    expect(fs.readFileSync(path.join(`${filesRoot}.before-restore`, 'ab', 'ab02'), 'utf8')).toBe('new');
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('refuses an existing target, a missing or corrupt archive and PostgreSQL, changing nothing', async () => {
    const before = dumpTables(dbFile);
    const filesBefore = dumpFiles(filesRoot);
    const entriesBefore = fs.readdirSync(dataDir).sort();
    const archiveBytes = fs.readFileSync(archive);

    const exists = await cli(dataDir, ['backup', archive]);
    expect(exists.code).not.toBe(0);
    expect(exists.stderr).toMatch(/exists.*--force/);
    expect(fs.readFileSync(archive)).toEqual(archiveBytes);

    const missing = await cli(dataDir, ['restore', path.join(dir, 'nope.tar.gz')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.tar\.gz/);

    const truncated = path.join(dir, 'truncated.tar.gz');
    fs.writeFileSync(truncated, archiveBytes.subarray(0, Math.floor(archiveBytes.length / 2)));
    const t = await cli(dataDir, ['restore', truncated]);
    expect(t.code).not.toBe(0);
    expect(t.stderr).toMatch(/archive/);

    const garbage = path.join(dir, 'garbage.tar.gz');
    const flipped = Buffer.from(archiveBytes);
    for (let i = 200; i < 260; i++) flipped[i] = flipped[i]! ^ 0xff;
    fs.writeFileSync(garbage, flipped);
    const g = await cli(dataDir, ['restore', garbage]);
    expect(g.code).not.toBe(0);
    expect(g.stderr).toMatch(/archive/);

    const pg = await cli(dataDir, ['backup', path.join(dir, 'pg.tar.gz')], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(pg.code).not.toBe(0);
    expect(pg.stderr).toMatch(/pg_dump.*docs\/operations\.md/s);
    expect(fs.existsSync(path.join(dir, 'pg.tar.gz'))).toBe(false);

    expect(dumpTables(dbFile)).toEqual(before);
    expect(dumpFiles(filesRoot)).toEqual(filesBefore);
    expect(fs.readdirSync(dataDir).sort()).toEqual(entriesBefore);
  }, 120_000);
});
