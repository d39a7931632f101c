import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { DB } from './schema.js';
import type { Executor } from './db.js';

/** SQL text by dialect and statement key. A few dozen hot statements at most. */
const texts = new Map<string, string>();

/**
 * Runs a statement whose SQL never changes between calls, only its parameters: the SQL Kysely
 * compiles the first time is kept and reused with the new parameters. Building and compiling a
 * query was ~15 % of a case report's time (six inserts and upserts a report, on every request).
 *
 * `params` are the values the built query binds, in order. The first call checks that the
 * compiled query binds exactly these (same values, same order); only then is its SQL reused, so a
 * statement that binds something else (a literal moved into the SQL, an extra clause) is simply
 * compiled every time, never run with the wrong values.
 */
export async function executeReused<R>(
  ex: Executor,
  key: string,
  params: readonly unknown[],
  build: () => Compilable<R>,
): Promise<QueryResult<R>> {
  const cacheKey = `${ex.getExecutor().adapter.constructor.name}|${key}|${params.length}`;
  const text = texts.get(cacheKey);
  if (text !== undefined) return ex.executeQuery<R>(CompiledQuery.raw(text, [...params]));
  const compiled = build().compile();
  if (compiled.parameters.length === params.length && compiled.parameters.every((p, i) => Object.is(p, params[i])))
    texts.set(cacheKey, compiled.sql);
  return ex.executeQuery<R>(compiled);
}

/**
 * Inserts rows through executeReused. Rows of differing columns, or with an undefined value (which
 * Kysely leaves out), are inserted as Kysely builds them, without reuse.
 */
export async function insertRows<T extends keyof DB & string>(
  ex: Executor,
  table: T,
  rows: readonly DB[T][],
): Promise<void> {
  if (!rows.length) return;
  const records = rows as readonly Record<string, unknown>[];
  const columns = Object.keys(records[0]);
  const params: unknown[] = [];
  for (const row of records) {
    if (Object.keys(row).length !== columns.length)
      return void (await ex
        .insertInto(table)
        .values(rows as never)
        .execute());
    for (const c of columns) {
      const v = row[c];
      if (v === undefined)
        return void (await ex
          .insertInto(table)
          .values(rows as never)
          .execute());
      params.push(v);
    }
  }
  await executeReused(ex, `insert:${table}:${columns.join(',')}`, params, () =>
    ex.insertInto(table).values(rows as never),
  );
}
