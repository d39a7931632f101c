import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PEOPLE_TABLES, type PeopleTable } from './people-generate.js';

/**
 * Bulk loads of the people tables on either database, the way bench/ledger loads cases: the
 * secondary indexes (as the migrations made them) dropped for the load and recreated from their own
 * definitions afterwards, multi-row INSERTs in big transactions; on PostgreSQL then VACUUM ANALYZE,
 * as autovacuum would after such a load (SQLite: none, the server never runs ANALYZE either). A table
 * with a required column the generator does not fill is refused, so a changed schema fails loudly.
 */
export interface PeopleLoader {
  write(table: PeopleTable, rows: unknown[][]): Promise<void>;
  /** Commits, recreates the indexes; the time it took. */
  finish(log: (msg: string) => void): Promise<number>;
  close(): Promise<void>;
}

const TABLES = Object.keys(PEOPLE_TABLES) as PeopleTable[];
const COMMIT_EVERY = 100_000;

function refuseUnknown(table: string, required: string[]): void {
  const known = PEOPLE_TABLES[table as PeopleTable] as readonly string[];
  const missing = required.filter((c) => !known.includes(c));
  if (missing.length)
    throw new Error(`bench/people: ${table} has required columns the generator does not fill: ${missing.join(', ')}`);
}

export function sqlitePeopleLoader(file: string): PeopleLoader {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  db.pragma('temp_store = MEMORY');
  for (const t of TABLES) {
    const info = db.prepare(`PRAGMA table_info(${t})`).all() as {
      name: string;
      notnull: number;
      dflt_value: unknown;
    }[];
    refuseUnknown(
      t,
      info.filter((c) => c.notnull && c.dflt_value === null).map((c) => c.name),
    );
  }
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(',')})`,
    )
    .all(...TABLES) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const PER = 100;
  const stmts = new Map<string, SQLite.Statement>();
  const stmt = (t: PeopleTable, n: number) => {
    const key = `${t}/${n}`;
    let s = stmts.get(key);
    if (!s) {
      const cols = PEOPLE_TABLES[t];
      const one = `(${cols.map(() => '?').join(',')})`;
      s = db.prepare(`INSERT INTO ${t} (${cols.join(',')}) VALUES ${Array(n).fill(one).join(',')}`);
      stmts.set(key, s);
    }
    return s;
  };
  let pending = 0;
  db.exec('BEGIN');
  return {
    async write(t, rows) {
      for (let i = 0; i < rows.length; i += PER) {
        const chunk = rows.slice(i, i + PER);
        stmt(t, chunk.length).run(chunk.flat());
      }
      pending += rows.length;
      if (pending >= COMMIT_EVERY) {
        db.exec('COMMIT; BEGIN');
        pending = 0;
      }
    },
    async finish(log) {
      db.exec('COMMIT');
      const t = performance.now();
      for (const i of indexes) db.exec(i.sql);
      const ms = performance.now() - t;
      log(`sqlite: indexes rebuilt in ${Math.round(ms)} ms (${indexes.map((i) => i.name).join(', ')})`);
      return ms;
    },
    async close() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

export async function pgPeopleLoader(url: string, schema: string): Promise<PeopleLoader> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SET synchronous_commit = off`);
  // Rows go in as one array per column (INSERT … SELECT FROM unnest), a few times faster than
  // thousands of bound values per statement; each array typed by its column.
  const arrayType = new Map<string, string>();
  for (const t of TABLES) {
    const info = (
      await c.query(
        'SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
        [schema, t],
      )
    ).rows as { column_name: string; data_type: string; is_nullable: string; column_default: string | null }[];
    refuseUnknown(
      t,
      info.filter((x) => x.is_nullable === 'NO' && x.column_default === null).map((x) => x.column_name),
    );
    for (const x of info)
      arrayType.set(
        `${t}.${x.column_name}`,
        x.data_type === 'integer' ? 'int4[]' : x.data_type === 'double precision' ? 'float8[]' : 'text[]',
      );
  }
  const indexes = (
    await c.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = $1 AND i.tablename = ANY($2)
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      [schema, TABLES],
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await c.query(`DROP INDEX ${schema}.${i.indexname}`);
  let pending = 0;
  await c.query('BEGIN');
  return {
    async write(t, rows) {
      const cols = PEOPLE_TABLES[t];
      const arrays = cols.map((_, i) => rows.map((r) => r[i]));
      await c.query(
        `INSERT INTO ${t} (${cols.join(',')}) SELECT * FROM unnest(${cols.map((col, i) => `$${i + 1}::${arrayType.get(`${t}.${col}`)}`).join(', ')})`,
        arrays,
      );
      pending += rows.length;
      if (pending >= COMMIT_EVERY) {
        await c.query('COMMIT');
        await c.query('BEGIN');
        pending = 0;
      }
    },
    async finish(log) {
      await c.query('COMMIT');
      const t = performance.now();
      for (const i of indexes) await c.query(i.indexdef);
      // VACUUM as well: since PostgreSQL 13 autovacuum visits a table after many inserts too, which
      // sets the visibility map that index-only scans rely on.
      for (const table of TABLES) await c.query(`VACUUM (ANALYZE) ${table}`);
      const ms = performance.now() - t;
      log(
        `postgres: indexes rebuilt, vacuumed and analyzed in ${Math.round(ms)} ms (${indexes.map((i) => i.indexname).join(', ')})`,
      );
      return ms;
    },
    close: () => c.end(),
  };
}
