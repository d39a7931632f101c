import { sql, type Transaction } from 'kysely';
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
   * a transaction is running share the next one, each in a savepoint of its own: a work that throws
   * is rolled back alone and rejects alone; if the commit fails, every work of it rejects and none
   * is written. On PostgreSQL (a pool of connections) each work has its own transaction.
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
        const batch = this.queue.splice(0, MAX_BATCH);
        if (batch.length === 1) {
          // Alone: its own transaction, no savepoint needed.
          const [item] = batch;
          await this.database.db.transaction().execute(item.work).then(item.resolve, item.reject);
          continue;
        }
        const outcomes: { ok: boolean; value: unknown }[] = [];
        try {
          await this.database.db.transaction().execute(async (trx) => {
            for (const item of batch) {
              await sql`SAVEPOINT group_work`.execute(trx);
              try {
                const value = await item.work(trx);
                await sql`RELEASE group_work`.execute(trx);
                outcomes.push({ ok: true, value });
              } catch (error) {
                await sql`ROLLBACK TO group_work`.execute(trx);
                await sql`RELEASE group_work`.execute(trx);
                outcomes.push({ ok: false, value: error });
              }
            }
          });
        } catch (error) {
          for (const item of batch) item.reject(error);
          continue;
        }
        batch.forEach((item, i) => (outcomes[i].ok ? item.resolve(outcomes[i].value) : item.reject(outcomes[i].value)));
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
    g = database.dialect === 'sqlite' ? new SqliteGroupCommit(database) : { run: (work) => database.db.transaction().execute(work) };
    byDb.set(database.db, g);
  }
  return g;
}
