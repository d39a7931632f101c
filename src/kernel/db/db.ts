import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { migrations } from './migrations/index.js';

export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*)) as a string by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DbOptions {
  /** postgres://… or null for SQLite. */
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests run each database in its own schema). */
  pgSchema?: string;
  poolSize?: number;
}

export function createDb(opts: DbOptions): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Savepoints (group commit) keep their page images in a sub-journal: in memory, not a temp file.
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: a checkpoint copies each page the WAL holds once
  // however often it changed, and the hot index pages of a busy ledger change with every write; in
  // bench/ledger it cut the time COMMIT takes by about 40 %. (A crash replays at most this much WAL.)
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** How many distinct SQL texts keep their prepared statement (the hot paths use a few dozen). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement afresh; preparing was 13–15 % of a case
 * creation's time. This hands it a database whose prepare() reuses the statement for the same SQL
 * text (the oldest dropped past STATEMENT_CACHE_SIZE). A statement still being iterated
 * (a streamed query) is never handed out twice: a fresh one is prepared instead. SQLite itself
 * re-prepares a cached statement after a schema change.
 */
function cachingStatements(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) return hit;
    const stmt = sqlite.prepare(source);
    if (!hit) {
      // Oldest first out; the hot statements come back at once.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * `schema` names the PostgreSQL schema to keep the migration tables in: without it, Kysely looks for
 * them across every schema and can mistake another test database's tables for its own. `upTo` stops
 * after that migration (a test of a later migration's backfill starts there).
 */
export async function migrateToLatest(db: Kysely<DB>, schema?: string, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
