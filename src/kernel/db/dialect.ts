import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from './db.js';
import type { DB } from './schema.js';

/** Case-insensitive substring match; the one place where the two dialects spell it differently. */
export function containsText(dialect: Dialect, column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} ILIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/** Prefix match for materialized paths ('/a/b/' matches '/a/b/c/'). */
export function startsWith(column: string, prefix: string): RawBuilder<boolean> {
  const pattern = `${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL SQLSTATEs of a connection that is gone or cannot be had (admin/crash shutdown, class 08 …). */
const CONNECTION_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '3D000',
]);
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The database connection was lost or could not be opened (the server restarted, terminated the
 * backend, refuses connections, is unreachable) — not a fault of the statement: trying again later
 * may succeed. The errors node-postgres raises for it carry a SQLSTATE, a socket errno or only a message.
 */
export function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code)) return true;
  if (code === '55000' && /not currently accepting connections/.test(message)) return true;
  return /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect|Connection ended/i.test(
    message,
  );
}

/** Which database a Kysely instance talks to (migrations receive only the instance). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  return db.getExecutor().adapter?.constructor?.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}

/** A user's words as one FTS5 phrase: double quotes doubled, so nothing in it is query syntax. */
export function fts5Phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A materialized path with its prefix `oldPrefix` replaced by `newPrefix` (a unit moved with its
 * subtree), for an UPDATE's SET. Paths are ASCII (ids and slashes), so substr counts the same on
 * both dialects.
 */
export function rebasedPath(column: string, oldPrefix: string, newPrefix: string): RawBuilder<string> {
  return sql<string>`${newPrefix} || substr(${sql.ref(column)}, ${oldPrefix.length + 1})`;
}

/** Rebases `column` in every row of `table` where it starts with `oldPrefix`; returns how many rows changed. */
export async function rebasePaths(
  ex: Executor,
  table: keyof DB & string,
  column: string,
  oldPrefix: string,
  newPrefix: string,
): Promise<number> {
  const r = await ex
    .updateTable(table as never)
    .set({ [column]: rebasedPath(column, oldPrefix, newPrefix) } as never)
    .where(startsWith(column, oldPrefix))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A compiled SELECT with SQLite's planner told which index to read `table` by (INDEXED BY). With
 * statistics (after an ANALYZE) SQLite may prefer a smaller index and read every table row behind
 * it — at 1,000,000 cases the open cases past their deadline took ~250 ms that way instead of ~50 ms
 * from the covering index. PostgreSQL's planner picks by cost and is left alone.
 */
export function withSqliteIndex<R>(ex: Executor, c: CompiledQuery<R>, table: string, index: string): CompiledQuery<R> {
  if (dialectOf(ex) !== 'sqlite') return c;
  const from = `from "${table}"`;
  if (!c.sql.includes(from)) throw new Error(`withSqliteIndex: no ${from} in the query`);
  return CompiledQuery.raw(c.sql.replace(from, `${from} indexed by "${index}"`), [...c.parameters]) as CompiledQuery<R>;
}
