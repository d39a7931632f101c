import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db.js';
import { groupCommit } from './group-commit.js';
import { testDatabases } from './test-databases.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: group commit`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
      await sql`CREATE TABLE gc_items (id integer primary key, name varchar(20) not null unique)`.execute(database.db);
    });
    afterAll(async () => database?.close());

    const names = async () =>
      (await sql<{ name: string }>`SELECT name FROM gc_items ORDER BY id`.execute(database.db)).rows.map((r) => r.name);

    it('commits works that arrive together, and fails only the one that fails on its own', async () => {
      const g = groupCommit(database);
      const insert = (id: number, name: string, fail?: 'throw' | 'constraint') =>
        g.run(async (trx) => {
          await sql`INSERT INTO gc_items (id, name) VALUES (${id}, ${name})`.execute(trx);
          if (fail === 'throw') throw new Error(`refused ${name}`);
          if (fail === 'constraint')
            await sql`INSERT INTO gc_items (id, name) VALUES (${id + 100}, ${'a'})`.execute(trx);
          return id;
        });
      const results = await Promise.allSettled([
        insert(1, 'a'),
        insert(2, 'b', 'throw'),
        insert(3, 'c'),
        insert(4, 'd', 'constraint'),
        insert(5, 'e'),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[0] as PromiseFulfilledResult<number>).value).toBe(1);
      expect(((results[1] as PromiseRejectedResult).reason as Error).message).toBe('refused b');
      expect(await names()).toEqual(['a', 'c', 'e']);
    });

    it('runs each work of a failed shared transaction again on its own', async () => {
      const g = groupCommit(database);
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // The three share one transaction; the first holds it until the other two are queued.
      const first = g.run(async () => {
        await held;
      });
      const both = Promise.allSettled([
        g.run(async (trx) => {
          await sql`INSERT INTO gc_items (id, name) VALUES (10, 'x')`.execute(trx);
        }),
        g.run(async (trx) => {
          await sql`ROLLBACK`.execute(trx);
          throw new Error('boom');
        }),
      ]);
      release();
      await first;
      const results = await both;
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
      expect(await names()).toEqual(['a', 'c', 'e', 'x']);
      expect(
        await g.run(async (trx) => {
          await sql`INSERT INTO gc_items (id, name) VALUES (12, 'z')`.execute(trx);
          return 'ok';
        }),
      ).toBe('ok');
      expect((await names()).at(-1)).toBe('z');
    });
  });
}
