import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from './db.js';
import { executeReused, insertRows } from './reuse.js';
import { testDatabases } from './test-databases.js';

const row = (key: string, value: string) => ({ key, value });

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: reused statements`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
    });
    afterAll(async () => database?.close());

    it('compiles a statement once and reuses its SQL with new parameters', async () => {
      const db = database.db;
      const compile = vi.fn();
      const build = (r: { key: string; value: string }) => () => {
        compile();
        return db.insertInto('meta').values(r);
      };
      for (let i = 0; i < 3; i++)
        await executeReused(db, 'test.meta.insert', [`k${i}`, `v${i}`], build(row(`k${i}`, `v${i}`)));
      expect(compile).toHaveBeenCalledTimes(1);
      expect(await db.selectFrom('meta').selectAll().where('key', 'like', 'k%').orderBy('key').execute()).toEqual([
        row('k0', 'v0'),
        row('k1', 'v1'),
        row('k2', 'v2'),
      ]);
    });

    it('never reuses a statement that binds other values than the ones it is given', async () => {
      const db = database.db;
      // The value is bound, but the caller names only the key: the SQL must be built every time.
      for (const v of ['a', 'b']) {
        await executeReused(db, 'test.meta.mismatch', [`m-${v}`], () =>
          db.insertInto('meta').values({ key: `m-${v}`, value: sql`${`value-${v}`}` as never }),
        );
      }
      expect(await db.selectFrom('meta').select('value').where('key', 'like', 'm-%').orderBy('key').execute()).toEqual([
        { value: 'value-a' },
        { value: 'value-b' },
      ]);
    });

    it('inserts rows of differing columns or with undefined values as Kysely builds them', async () => {
      const db = database.db;
      await insertRows(db, 'meta', [row('r1', 'x'), row('r2', 'y')]);
      await insertRows(db, 'meta', [row('r3', 'z'), row('r4', 'w')]);
      // Same count of parameters as the cached two-row insert, but not the same shape.
      await expect(
        insertRows(db, 'meta', [row('r5', 'q'), { key: 'r6', value: undefined } as never]),
      ).rejects.toThrow();
      expect(await db.selectFrom('meta').selectAll().where('key', 'like', 'r%').orderBy('key').execute()).toEqual([
        row('r1', 'x'),
        row('r2', 'y'),
        row('r3', 'z'),
        row('r4', 'w'),
      ]);
    });
  });
}
