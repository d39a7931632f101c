import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateToLatest, type Database } from './db.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database (its own PostgreSQL schema); dropped by `close()`. */
  open(): Promise<Database>;
}

/** In-memory SQLite always; PostgreSQL as well when CIVICGRID_TEST_PG_URL is set. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'sqlite',
      async open() {
        const database = createDb({ databaseUrl: null, sqlitePath: ':memory:' });
        await migrateToLatest(database.db);
        return database;
      },
    },
  ];
  const url = process.env.CIVICGRID_TEST_PG_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const database = createDb({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
        await migrateToLatest(database.db, schema);
        return {
          ...database,
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
