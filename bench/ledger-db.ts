import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { ACTION_COLUMNS, CASE_COLUMNS, type DayBatch } from './ledger-generate.js';
import { SqliteLoader } from './ledger-sqlite.js';

/**
 * The two databases behind one small interface: a bulk loader for the generated days, and the
 * plain-SQL connection the baselines are timed on (SQL written with `?`, numbered for PostgreSQL).
 */

export interface Loader {
  write(batch: DayBatch, districtCode: string): Promise<void>;
  /** Commits, rebuilds indexes (and SQLite's FTS index); times of each. */
  finish(log: (msg: string) => void): Promise<{ indexMs: number; ftsMs: number }>;
  /** Columns of a table, empty when it does not exist. */
  columns(table: string): Promise<string[]>;
  insertRows(table: string, rows: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

export interface BaselineDb {
  name: 'sqlite' | 'postgres';
  all(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Reads every row of the query and counts them (SQLite steps through them without keeping them). */
  readAll(sql: string, params: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export function sqliteLoader(file: string): Loader {
  const l = new SqliteLoader(file);
  return {
    write: async (b, dc) => l.write(b, dc),
    finish: async (log) => l.finish(log),
    columns: async (t) => (l.db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name),
    insertRows: async (t, rows) => {
      if (!rows.length) return;
      const keys = Object.keys(rows[0]);
      const ins = l.db.prepare(`INSERT INTO ${t} (${keys.join(',')}) VALUES (${keys.map(() => '?').join(',')})`);
      l.db.transaction(() => {
        for (const r of rows) ins.run(keys.map((k) => r[k]));
      })();
    },
    close: async () => l.close(),
  };
}

export function sqliteBaseline(file: string): BaselineDb {
  const db = new SQLite(file, { readonly: true });
  const cache = new Map<string, SQLite.Statement>();
  return {
    name: 'sqlite',
    async all(sql, params) {
      let st = cache.get(sql);
      if (!st) {
        st = db.prepare(sql);
        cache.set(sql, st);
      }
      return st.all(...params) as Record<string, unknown>[];
    },
    async readAll(sql, params) {
      let n = 0;
      for (const _row of db.prepare(sql).iterate(...params)) n++;
      return n;
    },
    close: async () => {
      db.close();
    },
  };
}

const numbered = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

export function pgBaseline(url: string, schema: string): BaselineDb {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  return {
    name: 'postgres',
    all: async (sql, params) => (await pool.query(numbered(sql), params)).rows,
    readAll: async (sql, params) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
    close: () => pool.end(),
  };
}

/** A fresh schema on the PostgreSQL server; dropped by the returned function. */
export async function pgSchema(url: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `ledger_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return {
    schema,
    async drop() {
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`DROP SCHEMA ${schema} CASCADE`);
      await d.end();
    },
  };
}

/**
 * PostgreSQL: multi-row INSERTs in big transactions, secondary indexes (the pg_trgm GIN ones too)
 * dropped for the load and recreated from their own definitions, then VACUUM (ANALYZE), as autovacuum
 * does after such a load (PostgreSQL 13+ vacuums after inserts too): without the visibility map it
 * sets, an index-only scan still visits the table for every row it reads.
 */
export async function pgLoader(url: string, schema: string): Promise<Loader> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SET synchronous_commit = off`);
  const colsOf = async (t: string) =>
    (
      await c.query(
        'SELECT column_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
        [schema, t],
      )
    ).rows as { column_name: string; is_nullable: string; column_default: string | null }[];
  const pick = async (t: string, known: readonly string[]) => {
    const info = await colsOf(t);
    const unknown = info.filter(
      (x) => !known.includes(x.column_name) && x.is_nullable === 'NO' && x.column_default === null,
    );
    if (unknown.length)
      throw new Error(
        `bench/ledger: ${t} has required columns the generator does not fill: ${unknown.map((x) => x.column_name).join(', ')}`,
      );
    return known.map((k, i) => (info.some((x) => x.column_name === k) ? i : -1)).filter((i) => i >= 0);
  };
  const caseIdx = await pick('cases', CASE_COLUMNS);
  const actionIdx = await pick('case_actions', ACTION_COLUMNS);
  const indexes = (
    await c.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = $1 AND i.tablename IN ('cases', 'case_actions')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      [schema],
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await c.query(`DROP INDEX ${schema}.${i.indexname}`);
  const insert = async (table: string, cols: readonly string[], idx: number[], rows: unknown[][], per: number) => {
    for (let from = 0; from < rows.length; from += per) {
      const chunk = rows.slice(from, from + per);
      const values: unknown[] = [];
      const tuples = chunk.map(
        (r) =>
          `(${idx
            .map((i) => {
              values.push(r[i]);
              return `$${values.length}`;
            })
            .join(',')})`,
      );
      await c.query(`INSERT INTO ${table} (${idx.map((i) => cols[i]).join(',')}) VALUES ${tuples.join(',')}`, values);
    }
  };
  let pending = 0;
  await c.query('BEGIN');
  return {
    async write(b, dc) {
      await insert('cases', CASE_COLUMNS, caseIdx, b.cases, 1000);
      await insert('case_actions', ACTION_COLUMNS, actionIdx, b.actions, 5000);
      await c.query(
        `INSERT INTO case_number_counters (district_code, day, last) VALUES ($1, $2, $3)
        ON CONFLICT (district_code, day) DO UPDATE SET last = greatest(case_number_counters.last, excluded.last)`,
        [dc, b.day, b.last],
      );
      pending += b.cases.length;
      if (pending >= 25_000) {
        await c.query('COMMIT');
        await c.query('BEGIN');
        pending = 0;
      }
    },
    async finish(log) {
      await c.query('COMMIT');
      const t = performance.now();
      for (const i of indexes) await c.query(i.indexdef);
      for (const t of ['cases', 'case_actions', 'case_kpi_days']) await c.query(`VACUUM (ANALYZE) ${t}`);
      const indexMs = performance.now() - t;
      log(
        `postgres indexes rebuilt, tables vacuumed and analyzed in ${Math.round(indexMs)} ms (${indexes.map((i) => i.indexname).join(', ')})`,
      );
      return { indexMs, ftsMs: 0 };
    },
    columns: async (t) => (await colsOf(t)).map((x) => x.column_name),
    async insertRows(t, rows) {
      if (!rows.length) return;
      const keys = Object.keys(rows[0]);
      await insert(
        t,
        keys,
        keys.map((_, i) => i),
        rows.map((r) => keys.map((k) => r[k])),
        500,
      );
    },
    close: () => c.end(),
  };
}

export async function pgSizeMb(url: string, schema: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
    [schema],
  );
  await c.end();
  return Number(r.rows[0].b) / 2 ** 20;
}

export function sqliteSizeMb(file: string): number {
  return ['', '-wal'].reduce((s, x) => s + (fs.existsSync(file + x) ? fs.statSync(file + x).size : 0), 0) / 2 ** 20;
}
