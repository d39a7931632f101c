import { describe, expect, it } from 'vitest';
import { inStartTransaction } from './start-transaction.js';
import { testDatabases } from './test-databases.js';

/* The start's one transaction: everything in it, or nothing; a transaction() inside it is a savepoint
   that rolls back alone when its callback throws, as a transaction of its own would. */

for (const tdb of testDatabases()) {
  describe(`start transaction (${tdb.name})`, () => {
    const keys = async (database: Awaited<ReturnType<typeof tdb.open>>) =>
      (await database.db.selectFrom('meta').select('key').where('key', 'like', 'st.%').orderBy('key').execute()).map(
        (r) => r.key,
      );

    it('commits what every step wrote, and nothing of a step that threw', async () => {
      const database = await tdb.open();
      try {
        const r = await inStartTransaction(database, async (s) => {
          await s.db.insertInto('meta').values({ key: 'st.a', value: '1' }).execute();
          await s.db
            .transaction()
            .execute((trx) => trx.insertInto('meta').values({ key: 'st.b', value: '1' }).execute());
          await expect(
            s.db.transaction().execute(async (trx) => {
              await trx.insertInto('meta').values({ key: 'st.c', value: '1' }).execute();
              throw new Error('step fails');
            }),
          ).rejects.toThrow('step fails');
          // A connection() inside is the same transaction: it sees what came before.
          return s.db
            .connection()
            .execute((c) => c.selectFrom('meta').select('key').where('key', 'like', 'st.%').execute());
        });
        expect(r.map((x) => x.key).sort()).toEqual(['st.a', 'st.b']);
        expect(await keys(database)).toEqual(['st.a', 'st.b']);
      } finally {
        await database.close();
      }
    });

    it('writes nothing when the start fails midway', async () => {
      const database = await tdb.open();
      try {
        await expect(
          inStartTransaction(database, async (s) => {
            await s.db.insertInto('meta').values({ key: 'st.a', value: '1' }).execute();
            await s.db
              .transaction()
              .execute((trx) => trx.insertInto('meta').values({ key: 'st.b', value: '1' }).execute());
            throw new Error('killed midway');
          }),
        ).rejects.toThrow('killed midway');
        expect(await keys(database)).toEqual([]);
        // The connection is usable again afterwards.
        await inStartTransaction(database, (s) =>
          s.db.insertInto('meta').values({ key: 'st.z', value: '1' }).execute(),
        );
        expect(await keys(database)).toEqual(['st.z']);
      } finally {
        await database.close();
      }
    });
  });
}
