import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateToLatest, type Database } from './db.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /**
   * A fresh, migrated, empty database (its own PostgreSQL schema); dropped by `close()`. With `upTo`,
   * migrated only up to that migration, and `migrateRest()` runs the rest (a migration's backfill test).
   */
  open(options?: { upTo?: string }): Promise<TestDb>;
}

export type TestDb = Database & { migrateRest(): Promise<void> };

/** In-memory SQLite always; PostgreSQL as well when CIVICGRID_TEST_PG_URL is set. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'sqlite',
      async open(options) {
        const database = createDb({ databaseUrl: null, sqlitePath: ':memory:' });
        await migrateToLatest(database.db, undefined, options?.upTo);
        return { ...database, migrateRest: async () => void (await migrateToLatest(database.db)) };
      },
    },
  ];
  const url = process.env.CIVICGRID_TEST_PG_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open(options) {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const database = createDb({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
        // Kysely's migrator introspects the tables of every schema; another test file dropping its
        // schema at that moment fails the catalog scan with "schema t_… does not exist" (3F000) for
        // a schema that is not ours. Files run in parallel, so try again.
        const migrate = async (upTo?: string) => {
          for (let attempt = 1; ; attempt++) {
            try {
              await migrateToLatest(database.db, schema, upTo);
              return;
            } catch (err) {
              const e = err as { code?: string; message?: string };
              const othersDropped = e.code === '3F000' && !String(e.message).includes(schema);
              if (!othersDropped || attempt >= 5) throw err;
            }
          }
        };
        await migrate(options?.upTo);
        return {
          ...database,
          migrateRest: () => migrate(),
          async close() {
            await database.close();
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`DROP SCHEMA ${schema} CASCADE`);
            await c.end();
          },
        };
      },
    });
  }
  return list;
}
