import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from './db.js';

describe('sqlite: reused prepared statements', () => {
  it('answers the same SQL with other parameters, after a schema change, and while the same query is streamed', async () => {
    const database = createDb({ databaseUrl: null, sqlitePath: ':memory:' });
    const db = database.db as any;
    try {
      await sql`CREATE TABLE t (id integer primary key, name text)`.execute(db);
      for (let i = 1; i <= 5; i++)
        await db
          .insertInto('t')
          .values({ id: i, name: `n${i}` })
          .execute();
      const byId = (id: number) => db.selectFrom('t').selectAll().where('id', '=', id).executeTakeFirst();
      expect(await byId(1)).toEqual({ id: 1, name: 'n1' });
      expect(await byId(2)).toEqual({ id: 2, name: 'n2' });
      await sql`ALTER TABLE t ADD COLUMN extra text`.execute(db);
      expect(await byId(3)).toEqual({ id: 3, name: 'n3', extra: null });
      const all = db.selectFrom('t').select('id').orderBy('id');
      const seen: number[] = [];
      for await (const r of all.stream()) seen.push(r.id);
      for await (const r of all.stream()) seen.push(r.id);
      expect(seen).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
      await db.transaction().execute(async (trx: any) => {
        await trx.insertInto('t').values({ id: 6, name: 'n6' }).execute();
      });
      await expect(
        db.transaction().execute(async (trx: any) => {
          await trx.insertInto('t').values({ id: 7, name: 'n7' }).execute();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect((await db.selectFrom('t').select('id').execute()).map((r: { id: number }) => r.id)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    } finally {
      await database.close();
    }
  });
});
