import { sql, type RawBuilder } from 'kysely';
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

/** Which database a Kysely instance talks to (migrations receive only the instance). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  return db.getExecutor().adapter?.constructor?.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}

/** A user's words as one FTS5 phrase: double quotes doubled, so nothing in it is query syntax. */
export function fts5Phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Rewrites the prefix `oldPrefix` of a materialized-path column to `newPrefix` wherever it starts
 * with it (a unit moved with its subtree); returns how many rows changed. Paths are ASCII (ids and
 * slashes), so substr counts the same on both dialects.
 */
export async function rebasePaths(ex: Executor, table: keyof DB & string, column: string, oldPrefix: string, newPrefix: string): Promise<number> {
  const r = await ex.updateTable(table as never)
    .set({ [column]: sql`${newPrefix} || substr(${sql.ref(column)}, ${oldPrefix.length + 1})` } as never)
    .where(startsWith(column, oldPrefix))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
