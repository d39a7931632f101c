import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from './kernel/clock.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { createDb, migrateToLatest, type Database } from './kernel/db/db.js';
import { inStartTransaction } from './kernel/db/start-transaction.js';
import { permissionsOf } from './kernel/auth/roles.js';
import type { Actor } from './kernel/auth/actor.js';
import { DomainError } from './kernel/errors.js';
import { generatePassword, hashPassword } from './kernel/auth/password.js';
import { createEventBus } from './kernel/events/events.js';
import {
  bootstrapDistrict,
  createOrgApi,
  getChildBoundaries,
  importBoundaries,
  LocateService,
} from './modules/org/index.js';
import { recordAudit } from './kernel/audit/audit.js';
import { toProblem } from './kernel/http/problem.js';
import { BackupError, backupSqlite, restoreSqlite } from './kernel/backup/backup.js';
import { CorruptArchiveError } from './kernel/backup/tar.js';
import type { Config } from './kernel/config.js';

const USAGE = `CivicGrid 运维命令 / operator CLI

  npm run cli -- migrate                                  apply database migrations
  npm run cli -- import-boundaries <unit-code> <file> [--crs wgs84|gcj02|bd09]
                                                          import the children's boundaries of a unit (all or nothing)
  npm run cli -- export-boundaries <unit-code> [file]     write the children's boundaries as GeoJSON (stdout without file)
  npm run cli -- reset-admin-password                     issue a new temporary password for 'admin' (printed once)
  npm run cli -- backup <file.tar.gz> [--force]           SQLite: database snapshot + file store into one archive,
                                                          while the server runs (PostgreSQL: docs/operations.md)
  npm run cli -- restore <file.tar.gz>                    SQLite: replace database and file store from a backup,
                                                          server stopped; the old ones kept as *.before-restore

Uses the same environment as the server (DATABASE_URL, CIVICGRID_DATA_DIR, …).`;

class CliError extends Error {}

/** Operator commands act as the system administrator over the whole district, and are audited as such. */
async function systemActor(database: Database, districtCode: string): Promise<Actor> {
  const root = await database.db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('kind', '=', 'district')
    .where('code', '=', districtCode)
    .executeTakeFirst();
  if (!root) throw new CliError(`district ${districtCode} does not exist; start the server once or run migrate`);
  return {
    accountId: 'cli',
    username: 'cli',
    displayName: '运维命令行',
    districtCode,
    unitId: root.id,
    scopePath: root.path,
    roles: ['admin'],
    permissions: new Set(permissionsOf(['admin'])),
  };
}

/**
 * backup / restore work on the files, not through the schema: they run before (and without) the
 * migrations and the start lock, so a backup never waits for a running server's writes.
 */
async function backupCommand(cmd: 'backup' | 'restore', args: string[], config: Config): Promise<void> {
  const [file] = args.filter((a) => !a.startsWith('--'));
  if (!file)
    throw new CliError(cmd === 'backup' ? 'usage: backup <file.tar.gz> [--force]' : 'usage: restore <file.tar.gz>');
  if (config.databaseUrl)
    throw new CliError(
      `${cmd} covers the embedded SQLite database only; with PostgreSQL use pg_dump / pg_restore and copy the file store (${path.join(config.dataDir, 'files')}): see docs/operations.md`,
    );
  const dbFile = path.join(config.dataDir, 'civicgrid.db');
  const filesRoot = path.join(config.dataDir, 'files');
  try {
    if (cmd === 'backup') {
      const m = await backupSqlite({
        dbFile,
        filesRoot,
        target: file,
        force: args.includes('--force'),
        now: systemClock.now(),
      });
      const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
      console.log(
        `wrote ${path.resolve(file)}: ${Object.keys(m.counts).length} tables, ${rows} rows, ${m.files.count} files`,
      );
      return;
    }
    // A running server would keep the replaced database open and write on: restoreSqlite refuses while
    // any process has the database open.
    const m = await restoreSqlite({ archive: file, dbFile, filesRoot });
    console.log(
      `restored the backup of ${m.createdAt} (version ${m.version}, ${m.files.count} files); the previous database and files are kept as *.before-restore`,
    );
  } catch (err) {
    if (err instanceof BackupError || err instanceof CorruptArchiveError)
      throw new CliError(`${cmd} failed: ${err.message}`);
    if (err instanceof CliError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code && e.message) throw new CliError(`${cmd} failed: ${e.message}`);
    throw err;
  }
}

async function run(argv: string[]): Promise<void> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (cmd === 'backup' || cmd === 'restore') return backupCommand(cmd, args, config);
  const database = createDb({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'civicgrid.db') });
  try {
    // As a server start does: one process at a time (a server starting meanwhile waits for it).
    await inStartTransaction(database, (inStart) => migrateToLatest(inStart.db));
    // No command here moves units, so no module needs to follow moves: a bus with no listeners.
    const deps = {
      database,
      clock: systemClock,
      config,
      locator: new LocateService(database, systemClock),
      events: createEventBus(),
    };
    switch (cmd) {
      case 'migrate': {
        const boot = await inStartTransaction(database, (inStart) => bootstrapDistrict(inStart, config, systemClock));
        console.log(`schema up to date${boot.created ? `; district ${config.districtCode} and admin created` : ''}`);
        if (boot.generatedAdminPassword)
          console.log(`admin initial password (shown once): ${boot.generatedAdminPassword}`);
        return;
      }
      case 'import-boundaries': {
        const [code, file] = args.filter((a) => !a.startsWith('--'));
        const crsIdx = args.indexOf('--crs');
        const crs = (crsIdx >= 0 ? args[crsIdx + 1] : 'wgs84') as 'wgs84' | 'gcj02' | 'bd09' | 'cgcs2000';
        if (!code || !file) throw new CliError('usage: import-boundaries <unit-code> <file> [--crs wgs84|gcj02|bd09]');
        if (!['wgs84', 'gcj02', 'bd09', 'cgcs2000'].includes(crs)) throw new CliError(`unknown --crs ${crs}`);
        const actor = await systemActor(database, config.districtCode);
        const unit = await createOrgApi(deps).unitByCode(database.db, config.districtCode, code);
        if (!unit) throw new CliError(`no unit with code ${code}`);
        let fc: { type?: string; features?: unknown[] };
        try {
          fc = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (err) {
          throw new CliError(`${file}: ${(err as Error).message}`);
        }
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
          throw new CliError(`${file}: not a GeoJSON FeatureCollection`);
        const r = await importBoundaries(deps, actor, unit.id, fc.features as never, crs);
        console.log(`imported ${r.updated} boundaries under ${unit.name}`);
        return;
      }
      case 'export-boundaries': {
        const [code, file] = args;
        if (!code) throw new CliError('usage: export-boundaries <unit-code> [file]');
        const actor = await systemActor(database, config.districtCode);
        const unit = await createOrgApi(deps).unitByCode(database.db, config.districtCode, code);
        if (!unit) throw new CliError(`no unit with code ${code}`);
        const fc = JSON.stringify(await getChildBoundaries(deps, actor, unit.id));
        if (file) {
          fs.writeFileSync(file, fc);
          console.log(`wrote ${file}`);
        } else process.stdout.write(`${fc}\n`);
        return;
      }
      case 'reset-admin-password': {
        const password = generatePassword();
        const hash = await hashPassword(password);
        const now = systemClock.now();
        await database.db.transaction().execute(async (trx) => {
          const r = await trx
            .updateTable('accounts')
            .set({
              password_hash: hash,
              must_change_password: 1,
              failed_logins: 0,
              locked_until: null,
              disabled: 0,
              updated_at: now.toISOString(),
            })
            .where('username', '=', 'admin')
            .executeTakeFirst();
          if (!Number(r.numUpdatedRows)) throw new CliError('there is no admin account');
          // As an admin reset does: every session and API token of the account ends, and the login
          // throttle forgets the name, so the new password works at once from anywhere.
          await trx
            .updateTable('sessions')
            .set({ revoked_at: now.toISOString() })
            .where('account_id', 'in', trx.selectFrom('accounts').select('id').where('username', '=', 'admin'))
            .where('revoked_at', 'is', null)
            .execute();
          await trx.deleteFrom('login_throttles').where('username', '=', 'admin').execute();
          await recordAudit(trx, {
            actor: null,
            districtCode: config.districtCode,
            action: 'account.reset_password',
            entityType: 'account',
            entityId: null,
            at: now,
            summary: '运维命令行重置 admin 密码',
          });
        });
        console.log(`new temporary password for admin (shown once, change at first login): ${password}`);
        return;
      }
      default:
        throw new CliError(`unknown command ${cmd}\n\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((err) => {
  if (err instanceof CliError || err instanceof ConfigError) {
    console.error(err.message);
  } else if (err instanceof DomainError) {
    // The operator reads the same sentences as the API's clients (kernel/http/messages.zh.ts).
    const p = toProblem(err);
    console.error(
      `${p.detail}${p.errors?.length ? `\n${p.errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n')}` : ''}`,
    );
  } else {
    console.error(err);
  }
  process.exit(1);
});
