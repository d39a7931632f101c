import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './db.js';
import type { DB } from './schema.js';

/** The PostgreSQL advisory lock every process takes for its start ('CGFS'). */
export const START_LOCK_KEY = 0x43474653;

/** How long a start waits for another process's start to finish (SQLite; PostgreSQL waits unbounded). */
const SQLITE_WAIT_MS = 10 * 60_000;

/**
 * Runs a process's start-up writes — migrations, the district root and admin, the modules' set-up and,
 * on a new database, the demo — one process at a time and all or nothing: in one transaction on one
 * connection, under PostgreSQL's transaction-scoped advisory lock START_LOCK_KEY, or SQLite's
 * BEGIN IMMEDIATE (one writer per file). A second process started at the same moment waits, then
 * finds the work done; a start killed midway leaves nothing, and the next one does it all.
 *
 * `work` receives a Database whose every statement runs in that transaction: a `transaction()` inside
 * it is a savepoint (rolled back alone when its callback throws, as a transaction would be).
 */
export async function inStartTransaction<T>(database: Database, work: (inStart: Database) => Promise<T>): Promise<T> {
  return database.db.connection().execute(async (conn) => {
    if (database.dialect === 'sqlite') await beginImmediate(conn);
    else {
      await sql`begin`.execute(conn);
      await sql`select pg_advisory_xact_lock(${START_LOCK_KEY})`.execute(conn);
    }
    try {
      const result = await work({
        db: nested(conn, 0, { savepoints: 0, queue: Promise.resolve() }),
        dialect: database.dialect,
        close: () => Promise.reject(new Error('the start transaction closes with the start')),
      });
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** BEGIN IMMEDIATE, waiting while another process writes (busy_timeout lets each attempt wait 5 s). */
async function beginImmediate(conn: Kysely<DB>): Promise<void> {
  const until = Date.now() + SQLITE_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

interface Shared {
  savepoints: number;
  /** Top-level transaction() calls, one after another (savepoints on one connection cannot interleave). */
  queue: Promise<unknown>;
}

/**
 * `conn` (one connection, inside a transaction) as a Kysely whose `transaction()` and `connection()`
 * stay on it: a transaction is a savepoint; at depth 0 they queue, deeper they nest.
 */
function nested(conn: Kysely<DB>, depth: number, shared: Shared): Kysely<DB> {
  const inSavepoint = async <R>(fn: (trx: Transaction<DB>) => Promise<R>): Promise<R> => {
    const name = sql.raw(`start_${++shared.savepoints}`);
    await sql`savepoint ${name}`.execute(conn);
    try {
      const r = await fn(nested(conn, depth + 1, shared) as unknown as Transaction<DB>);
      await sql`release savepoint ${name}`.execute(conn);
      return r;
    } catch (err) {
      await sql`rollback to savepoint ${name}`.execute(conn);
      throw err;
    }
  };
  const run = <R>(fn: (trx: Transaction<DB>) => Promise<R>): Promise<R> => {
    if (depth > 0) return inSavepoint(fn);
    const next = shared.queue.then(() => inSavepoint(fn));
    shared.queue = next.catch(() => undefined);
    return next;
  };
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: run,
  };
  const self: Kysely<DB> = new Proxy(conn, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      if (prop === 'connection') return () => ({ execute: <R>(fn: (db: Kysely<DB>) => Promise<R>) => fn(self) });
      if (prop === 'isTransaction') return depth > 0;
      const v = Reflect.get(target, prop, target) as unknown;
      // Methods are bound to the connection's Kysely; a getter's value (`fn`, itself callable with
      // properties) is handed over as it is.
      return typeof v === 'function' && !isGetter(target, prop) ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return self;
}

function isGetter(obj: object, prop: PropertyKey): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return d.get !== undefined;
  }
  return false;
}
