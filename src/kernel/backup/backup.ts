import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrations } from '../db/migrations/index.js';
import { VERSION } from '../version.js';
import { readTarGz, TarGzWriter } from './tar.js';

/**
 * Backup and restore of the embedded SQLite database and the file store (docs/operations.md). A backup
 * is one .tar.gz: `civicgrid.db` (a consistent snapshot made by VACUUM INTO in one read transaction,
 * so a running server keeps writing), `files/…` (the file store, copied after the snapshot) and last
 * `manifest.json` (what a restore checks before replacing anything).
 */
export class BackupError extends Error {}

export const BACKUP_FORMAT = 'civicgrid-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  /** the product version that wrote it */
  version: string;
  createdAt: string;
  database: { file: 'civicgrid.db'; size: number; sha256: string };
  /** the schema migrations applied in the snapshot, in order */
  migrations: string[];
  /** rows per table in the snapshot */
  counts: Record<string, number>;
  files: { count: number; bytes: number };
}

const DB_ENTRY = 'civicgrid.db';
const MANIFEST_ENTRY = 'manifest.json';

function sha256Of(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** Tables and their row counts, and the applied migrations, read from a database file. */
function describeDb(file: string): { counts: Record<string, number>; migrations: string[] } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the database in the archive is damaged (${String(check)})`);
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    const applied = counts.kysely_migration
      ? (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
      : [];
    return { counts, migrations: applied };
  } finally {
    db.close();
  }
}

function listFiles(root: string): { rel: string; abs: string }[] {
  if (!fs.existsSync(root)) return [];
  const out: { rel: string; abs: string }[] = [];
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.push({ rel: path.relative(root, abs).split(path.sep).join('/'), abs });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

export interface BackupOptions {
  dbFile: string;
  filesRoot: string;
  target: string;
  force: boolean;
  now: Date;
}

export async function backupSqlite(opts: BackupOptions): Promise<BackupManifest> {
  const target = path.resolve(opts.target);
  if (!fs.existsSync(opts.dbFile)) throw new BackupError(`no database at ${opts.dbFile}`);
  if (fs.existsSync(target) && !opts.force)
    throw new BackupError(`${target} already exists; choose another name or add --force to overwrite it`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`the folder ${path.dirname(target)} does not exist`);
  // Everything is made beside the target and renamed over it last: a failed backup leaves no file.
  const work = fs.mkdtempSync(path.join(path.dirname(target), '.civicgrid-backup-'));
  try {
    const snapshot = path.join(work, DB_ENTRY);
    const src = new SQLite(opts.dbFile, { fileMustExist: true });
    try {
      src.pragma('busy_timeout = 5000');
      // One read transaction: what was committed when it began, whatever the server writes meanwhile (WAL).
      src.prepare('VACUUM INTO ?').run(snapshot);
    } finally {
      src.close();
    }
    const described = describeDb(snapshot);
    const dbSize = fs.statSync(snapshot).size;
    const partial = path.join(work, 'archive.tar.gz');
    const tar = new TarGzWriter(partial);
    let count = 0;
    let bytes = 0;
    try {
      await tar.addFile(DB_ENTRY, snapshot, dbSize, opts.now);
      // After the snapshot: every file the snapshot names was stored before it (files are written
      // before the rows naming them), so it is here unless deleted meanwhile.
      for (const f of listFiles(opts.filesRoot)) {
        let st: fs.Stats;
        try {
          st = fs.statSync(f.abs);
        } catch {
          continue; // deleted since listed
        }
        await tar.addFile(`files/${f.rel}`, f.abs, st.size, st.mtime);
        count++;
        bytes += st.size;
      }
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: 1,
        version: VERSION,
        createdAt: opts.now.toISOString(),
        database: { file: DB_ENTRY, size: dbSize, sha256: sha256Of(snapshot) },
        migrations: described.migrations,
        counts: described.counts,
        files: { count, bytes },
      };
      await tar.addBuffer(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), opts.now);
      await tar.finish();
      fs.renameSync(partial, target);
      return manifest;
    } catch (err) {
      await tar.finish().catch(() => undefined);
      throw err;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface RestoreOptions {
  archive: string;
  dbFile: string;
  filesRoot: string;
}

function parseManifest(raw: Buffer | null): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(raw?.toString('utf8') ?? '') as BackupManifest;
  } catch {
    throw new BackupError('the archive has no readable manifest.json: not a CivicGrid backup');
  }
  if (m?.format !== BACKUP_FORMAT || m.formatVersion !== 1)
    throw new BackupError('the archive is not a CivicGrid backup (manifest format)');
  return m;
}

/**
 * Refuses when another process has the database open (a running server keeps its connection for its
 * whole life): in WAL mode an open connection holds a shared lock, so an exclusive one is refused at once.
 */
function assertNotInUse(dbFile: string): void {
  if (!fs.existsSync(dbFile)) return;
  const probe = new SQLite(dbFile, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new BackupError(`${dbFile} is in use (is the server running?): stop it first, then restore`);
    throw err;
  } finally {
    probe.close();
  }
}

/**
 * Unpacks and checks the archive in a folder of the data dir, then swaps it in by renames; the replaced
 * database and file store stay beside as `*.before-restore`. Nothing is replaced unless every check passes.
 */
export async function restoreSqlite(opts: RestoreOptions): Promise<BackupManifest> {
  const archive = path.resolve(opts.archive);
  if (!fs.existsSync(archive)) throw new BackupError(`${archive}: no such file`);
  assertNotInUse(opts.dbFile);
  const dataDir = path.dirname(opts.dbFile);
  fs.mkdirSync(dataDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    let manifestRaw: Buffer | null = null;
    let fd: number | null = null;
    let collecting: Buffer[] | null = null;
    const seen = new Set<string>();
    await readTarGz(
      archive,
      (e) => {
        if (seen.has(e.name)) throw new BackupError(`the archive holds ${e.name} twice`);
        seen.add(e.name);
        if (e.name === MANIFEST_ENTRY) collecting = [];
        else if (e.name === DB_ENTRY || e.name.startsWith('files/')) {
          const dest = path.join(stage, ...e.name.split('/'));
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fd = fs.openSync(dest, 'wx');
        } else throw new BackupError(`the archive holds an unexpected entry ${e.name}: not a CivicGrid backup`);
      },
      (chunk) => {
        if (collecting) collecting.push(Buffer.from(chunk));
        else if (fd !== null) fs.writeSync(fd, chunk);
      },
      () => {
        if (collecting) {
          manifestRaw = Buffer.concat(collecting);
          collecting = null;
        } else if (fd !== null) {
          fs.closeSync(fd);
          fd = null;
        }
      },
    ).finally(() => {
      if (fd !== null) fs.closeSync(fd);
    });
    const manifest = parseManifest(manifestRaw);
    const known = new Set(Object.keys(migrations));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length)
      throw new BackupError(
        `the backup was made by a newer version (migrations ${unknown.join(', ')} are unknown here); upgrade first`,
      );
    const stagedDb = path.join(stage, DB_ENTRY);
    if (!fs.existsSync(stagedDb)) throw new BackupError('the archive holds no database');
    if (fs.statSync(stagedDb).size !== manifest.database.size || sha256Of(stagedDb) !== manifest.database.sha256)
      throw new BackupError('the database in the archive does not match its manifest');
    const described = describeDb(stagedDb);
    if (JSON.stringify(described.counts) !== JSON.stringify(manifest.counts))
      throw new BackupError('the row counts in the archive do not match its manifest');
    const stagedFiles = path.join(stage, 'files');
    const files = listFiles(stagedFiles);
    const bytes = files.reduce((s, f) => s + fs.statSync(f.abs).size, 0);
    if (files.length !== manifest.files.count || bytes !== manifest.files.bytes)
      throw new BackupError('the files in the archive do not match its manifest');
    if (!fs.existsSync(stagedFiles)) fs.mkdirSync(stagedFiles);

    assertNotInUse(opts.dbFile);
    // Swap: the current state moves aside, then the staged one moves in (renames within one folder).
    const aside = (p: string) => `${p}.before-restore`;
    const moved: [string, string][] = [];
    const placed: string[] = [];
    try {
      for (const p of [opts.dbFile, `${opts.dbFile}-wal`, `${opts.dbFile}-shm`]) {
        // SQLite finds a database's WAL by name: `x.before-restore` keeps its own `-wal` beside it.
        const to = p === opts.dbFile ? aside(p) : `${aside(opts.dbFile)}${p.slice(opts.dbFile.length)}`;
        fs.rmSync(to, { force: true });
        if (fs.existsSync(p)) {
          fs.renameSync(p, to);
          moved.push([p, to]);
        }
      }
      fs.rmSync(aside(opts.filesRoot), { recursive: true, force: true });
      if (fs.existsSync(opts.filesRoot)) {
        fs.renameSync(opts.filesRoot, aside(opts.filesRoot));
        moved.push([opts.filesRoot, aside(opts.filesRoot)]);
      }
      fs.renameSync(stagedDb, opts.dbFile);
      placed.push(opts.dbFile);
      fs.renameSync(stagedFiles, opts.filesRoot);
    } catch (err) {
      // Put back what was moved aside (best effort), so the previous state stays in use.
      for (const p of placed) fs.rmSync(p, { recursive: true, force: true });
      for (const [p, to] of moved.reverse()) fs.renameSync(to, p);
      throw err;
    }
    return manifest;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
