import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  type Transaction,
} from 'kysely';
import type { DB } from './schema.js';
import { isConnectionLost } from './dialect.js';
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
  /**
   * Where a lost PostgreSQL connection is reported (the server's log). Losing one is not fatal: the
   * pool drops it and opens another. Default: one line on stderr.
   */
  log?: DbLog;
}

/** The part of a pino logger the database reports to. */
export interface DbLog {
  warn(obj: object, msg: string): void;
}

const stderrLog: DbLog = {
  warn: (obj, msg) => console.warn(`${msg}: ${String((obj as { err?: Error }).err?.message ?? '')}`),
};

export function createDb(opts: DbOptions): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    });
    const log = opts.log ?? stderrLog;
    // A connection the server closes (pg_terminate_backend, a restart or failover, idle_session_timeout,
    // a proxy dropping idle connections) makes its client emit 'error' — with no listener, Node ends the
    // process. Each client gets one listener that logs it; the pool then drops the client (idle ones at
    // once, checked-out ones when they are released) and opens a new one for the next query.
    pool.on('connect', (client) => {
      client.on('error', (err) => log.warn({ err }, 'database connection lost; the pool will open another'));
    });
    // The pool re-emits an idle client's error, already logged by the client's listener above.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: retryingReads(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // First: a second process opening the same new file waits for the first's locks instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
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

/**
 * The pool as Kysely sees it, each client retrying once, on a fresh connection, a statement that
 * failed because its connection was gone — only when running it again cannot do anything twice: a
 * SELECT outside a transaction, or the BEGIN of a transaction (nothing of it has run yet). Any other
 * statement caught by a lost connection fails (the HTTP layer answers 503: the caller may try again).
 */
function retryingReads(pool: pg.Pool): PostgresPool {
  return {
    // Kysely runs no cursors here (no `cursor` in the dialect's config): only query(sql, parameters).
    connect: async () => new RetryingClient(pool, await pool.connect()) as unknown as PostgresPoolClient,
    end: () => pool.end(),
  };
}

class RetryingClient {
  private inTransaction = false;

  constructor(
    private readonly pool: pg.Pool,
    private client: pg.PoolClient | null,
  ) {}

  async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const begins = /^\s*(begin|start transaction)\b/i.test(sql);
    const ends = /^\s*(commit|rollback)\s*$/i.test(sql);
    const retriable = begins || (!this.inTransaction && /^\s*select\b/i.test(sql));
    // A retry that found no new connection left none: the caller sees the connection as lost.
    if (!this.client) throw new Error('Connection terminated: no database connection could be opened');
    let result: pg.QueryResult;
    try {
      result = await this.client.query(sql, parameters as unknown[]);
    } catch (err) {
      if (ends) this.inTransaction = false;
      if (!retriable || !isConnectionLost(err)) throw err;
      // The dead connection is destroyed rather than pooled; the statement runs once more on a new one.
      const dead = this.client;
      this.client = null;
      dead.release(true);
      this.client = await this.pool.connect();
      result = await this.client.query(sql, parameters as unknown[]);
    }
    if (begins) this.inTransaction = true;
    if (ends) this.inTransaction = false;
    return result as unknown as PostgresQueryResult<R>;
  }

  release(destroy?: boolean): void {
    this.client?.release(destroy);
    this.client = null;
  }
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
