import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES_AT_0100 } from '../../../kernel/db/migrations/2026-12-11T0100-cases-open-by-grid.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { OPEN_STATUSES } from '../domain/index.js';
import { openStatusLiterals } from './case-figures.store.js';

describe('the open cases by grid (在办问题数)', () => {
  it('names the same open statuses as the partial index holds: a new status needs a new index', () => {
    expect([...OPEN_STATUSES]).toEqual([...OPEN_STATUSES_AT_0100]);
  });

  for (const t of testDatabases())
    it(`${t.name}: is read from the partial index of the open cases, not the whole ledger`, async () => {
      const database = await t.open();
      try {
        const q = database.db
          .selectFrom('cases')
          .select(['grid_path', (eb) => eb.fn.countAll().as('n')])
          .where('district_code', '=', '411602')
          .where(openStatusLiterals())
          .groupBy('grid_path')
          .compile();
        // PostgreSQL picks by cost (an empty table: a scan): with scans off, what must hold is that
        // the planner may use it at all, i.e. that the query's predicate implies the index's.
        const plan =
          t.name === 'sqlite'
            ? JSON.stringify(
                (await sql.raw(`EXPLAIN QUERY PLAN ${q.sql.replace('?', "'411602'")}`).execute(database.db)).rows,
              )
            : await database.db.transaction().execute(async (trx) => {
                await sql`SET LOCAL enable_seqscan = off`.execute(trx);
                await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
                return JSON.stringify((await sql.raw(`EXPLAIN ${q.sql.replace('$1', "'411602'")}`).execute(trx)).rows);
              });
        expect(plan).toContain('cases_open_by_grid');
      } finally {
        await database.close();
      }
    });
});
