import type { Transaction } from 'kysely';
import type { Database } from './db.js';
import type { DB } from './schema.js';

/** The most units of work one SQLite transaction carries (bounds how long readers wait for it). */
const MAX_BATCH = 16;

type Work<T> = (trx: Transaction<DB>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommit {
  /**
   * Runs `work` in a transaction and resolves once it is committed. On SQLite, works queued while
   * a transaction is running share the next one; if any of them throws (or the commit fails) the
   * shared transaction is rolled back and each work runs again in a transaction of its own, so a
   * work fails or succeeds exactly as it would alone. A work may therefore run twice: it must do
   * nothing outside the transaction it is given. On PostgreSQL (a pool of connections) each work
   * has its own transaction.
   */
  run<T>(work: Work<T>): Promise<T>;
}

/**
 * Group commit. SQLite has one connection and each COMMIT writes every page the transaction
 * touched to the WAL: for a case report (a dozen rows over a dozen indexes and the FTS index) the
 * commit was a quarter of the request's time. Requests that arrive together share one commit.
 */
class SqliteGroupCommit implements GroupCommit {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly database: Database) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        // Let the event loop read the sockets first: the requests that arrived with this one run up to
        // here and queue. The database calls are synchronous under their promises, so without this
        // turn a report would run, and commit, before the next request was even parsed (batches of one).
        await new Promise<void>((resolve) => setImmediate(resolve));
        const db = this.database.db;
        let batch: Pending[] = [];
        let values: unknown[];
        try {
          values = await db.transaction().execute(async (trx) => {
            // Taken once the connection is ours: works queued while waiting for it join this commit.
            batch = this.queue.splice(0, MAX_BATCH);
            const out: unknown[] = [];
            for (const item of batch) out.push(await item.work(trx));
            return out;
          });
        } catch (error) {
          // The transaction could not begin: the works waiting for it fail with it.
          if (!batch.length) for (const item of this.queue.splice(0, MAX_BATCH)) item.reject(error);
          else if (batch.length === 1) batch[0].reject(error);
          // One of them failed, or the commit did, and nothing was written: each again on its own,
          // so only a work that fails by itself fails.
          else for (const item of batch) await db.transaction().execute(item.work).then(item.resolve, item.reject);
          continue;
        }
        batch.forEach((item, i) => item.resolve(values[i]));
      }
    } finally {
      this.draining = false;
    }
  }
}

const byDb = new WeakMap<object, GroupCommit>();

/** The group commit of one database (keyed by its Kysely instance). */
export function groupCommit(database: Database): GroupCommit {
  let g = byDb.get(database.db);
  if (!g) {
    g =
      database.dialect === 'sqlite'
        ? new SqliteGroupCommit(database)
        : { run: (work) => database.db.transaction().execute(work) };
    byDb.set(database.db, g);
  }
  return g;
}
