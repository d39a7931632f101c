import SQLite from 'better-sqlite3';
import { ACTION_COLUMNS, CASE_COLUMNS, type DayBatch } from './ledger-generate.js';

/**
 * Bulk-loads generated days into the server's SQLite file. The indexes and FTS triggers of the
 * two tables are taken from sqlite_master, dropped for the load and recreated from the same SQL
 * afterwards (cases_fts rebuilt once), which is the same schema the migrations made, built in one
 * pass instead of a million random inserts.
 */
export class SqliteLoader {
  readonly db: SQLite.Database;
  private readonly schema: { name: string; sql: string; type: string }[];
  private readonly caseCols: number[];
  private readonly actionCols: number[];
  private readonly insertCases: SQLite.Statement;
  private readonly insertCase: SQLite.Statement;
  private readonly insertActions: SQLite.Statement;
  private readonly insertAction: SQLite.Statement;
  private readonly counter: SQLite.Statement;
  private pendingCases = 0;
  private static readonly CASE_BATCH = 50;
  private static readonly ACTION_BATCH = 200;
  private static readonly COMMIT_EVERY = 25_000;

  constructor(file: string) {
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -400000');
    this.db.pragma('temp_store = MEMORY');
    this.caseCols = this.columnsOf('cases', CASE_COLUMNS);
    this.actionCols = this.columnsOf('case_actions', ACTION_COLUMNS);
    this.schema = this.db
      .prepare(
        `SELECT name, sql, type FROM sqlite_master WHERE tbl_name IN ('cases', 'case_actions') AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
      )
      .all() as { name: string; sql: string; type: string }[];
    for (const s of this.schema) this.db.exec(`DROP ${s.type.toUpperCase()} ${s.name}`);
    const stmt = (table: string, cols: readonly string[], idx: number[], rows: number) => {
      const one = `(${idx.map(() => '?').join(',')})`;
      return this.db.prepare(
        `INSERT INTO ${table} (${idx.map((i) => cols[i]).join(',')}) VALUES ${Array(rows).fill(one).join(',')}`,
      );
    };
    this.insertCases = stmt('cases', CASE_COLUMNS, this.caseCols, SqliteLoader.CASE_BATCH);
    this.insertCase = stmt('cases', CASE_COLUMNS, this.caseCols, 1);
    this.insertActions = stmt('case_actions', ACTION_COLUMNS, this.actionCols, SqliteLoader.ACTION_BATCH);
    this.insertAction = stmt('case_actions', ACTION_COLUMNS, this.actionCols, 1);
    this.counter = this.db.prepare(`INSERT INTO case_number_counters (district_code, day, last) VALUES (?, ?, ?)
      ON CONFLICT (district_code, day) DO UPDATE SET last = max(case_number_counters.last, excluded.last)`);
    this.db.exec('BEGIN');
  }

  /** Which of the generator's columns the table has; refuses a table with a required column the generator does not know. */
  private columnsOf(table: string, known: readonly string[]): number[] {
    const info = this.db.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    const unknown = info.filter((c) => !known.includes(c.name) && c.notnull && c.dflt_value === null);
    if (unknown.length)
      throw new Error(
        `bench/ledger: ${table} has required columns the generator does not fill: ${unknown.map((c) => c.name).join(', ')}`,
      );
    return known.map((c, i) => (info.some((x) => x.name === c) ? i : -1)).filter((i) => i >= 0);
  }

  private static flat(rows: unknown[][], idx: number[], from: number, n: number): unknown[] {
    const out: unknown[] = [];
    for (let r = from; r < from + n; r++) for (const i of idx) out.push(rows[r][i]);
    return out;
  }

  private insert(rows: unknown[][], idx: number[], many: SQLite.Statement, one: SQLite.Statement, batch: number): void {
    let i = 0;
    for (; i + batch <= rows.length; i += batch) many.run(SqliteLoader.flat(rows, idx, i, batch));
    for (; i < rows.length; i++) one.run(SqliteLoader.flat(rows, idx, i, 1));
  }

  write(batch: DayBatch, districtCode: string): void {
    this.insert(batch.cases, this.caseCols, this.insertCases, this.insertCase, SqliteLoader.CASE_BATCH);
    this.insert(batch.actions, this.actionCols, this.insertActions, this.insertAction, SqliteLoader.ACTION_BATCH);
    this.counter.run(districtCode, batch.day, batch.last);
    this.pendingCases += batch.cases.length;
    if (this.pendingCases >= SqliteLoader.COMMIT_EVERY) {
      this.db.exec('COMMIT; BEGIN');
      this.pendingCases = 0;
    }
  }

  /** Commits, recreates the indexes and triggers, rebuilds the FTS index; returns the time of each part. */
  finish(log: (msg: string) => void): { indexMs: number; ftsMs: number } {
    this.db.exec('COMMIT');
    let t = performance.now();
    for (const s of this.schema.filter((x) => x.type === 'index')) this.db.exec(s.sql);
    const indexMs = performance.now() - t;
    log(
      `indexes rebuilt in ${Math.round(indexMs)} ms (${this.schema
        .filter((x) => x.type === 'index')
        .map((x) => x.name)
        .join(', ')})`,
    );
    t = performance.now();
    const fts = this.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'cases_fts'`).get();
    if (fts) this.db.exec(`INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')`);
    const ftsMs = performance.now() - t;
    log(`cases_fts rebuilt in ${Math.round(ftsMs)} ms`);
    for (const s of this.schema.filter((x) => x.type === 'trigger')) this.db.exec(s.sql);
    return { indexMs, ftsMs };
  }

  close(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
