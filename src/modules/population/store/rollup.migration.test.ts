import { randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../../kernel/db/db.js';
import { migrations } from '../../../kernel/db/migrations/index.js';
import { rollupStore } from './rollup.store.js';

const BEFORE = '2026-12-07T1100-create-venues';

interface Target {
  name: string;
  open(): Promise<{ database: Database; schema?: string; drop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'sqlite',
    async open() {
      const database = createDb({ databaseUrl: null, sqlitePath: ':memory:' });
      return { database, drop: () => database.close() };
    },
  },
];
const url = process.env.CIVICGRID_TEST_PG_URL;
if (url)
  targets.push({
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const database = createDb({ databaseUrl: url, pgSchema: schema, poolSize: 2 });
      return {
        database,
        schema,
        async drop() {
          await database.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  });

const household = (id: string, grid: string, status = 'active') => ({
  id,
  district_code: '411602',
  grid_id: grid,
  grid_path: `/d/s/c/${grid}/`,
  building_id: null,
  address: `门牌${id}`,
  note: null,
  lng: null,
  lat: null,
  status,
  created_by: 'x',
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
});
const state = (round: string, h: string, grid: string, verified: number, absentOnly: number) => ({
  round_id: round,
  household_id: h,
  grid_id: grid,
  visits: 1,
  verified,
  absent_only: absentOnly,
  last_result: verified ? 'verified' : 'absent',
  last_visited_at: '2026-11-02T00:00:00.000Z',
});

for (const t of targets) {
  describe(`migration 2026-12-07T1200 (${t.name})`, () => {
    it('builds the coverage roll-up from the rows already there, and puts state rows on their household’s grid', async () => {
      const { database, schema, drop } = await t.open();
      try {
        const migrator = new Migrator({
          db: database.db,
          provider: { getMigrations: async () => migrations },
          ...(schema ? { migrationTableSchema: schema } : {}),
        });
        // As in test-databases: another file dropping its schema mid-introspection fails the
        // migrator with 3F000 for a schema not ours; try again.
        const migrate = async (to: string | null) => {
          for (let attempt = 1; ; attempt++) {
            const r = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
            const e = r.error as { code?: string; message?: string } | undefined;
            if (!e) return;
            if (e.code !== '3F000' || String(e.message).includes(schema ?? '') || attempt >= 5) throw e;
          }
        };
        await migrate(BEFORE);
        const db = database.db;
        await db
          .insertInto('pop_households')
          .values([
            household('h1', 'g1'),
            household('h2', 'g1'),
            household('h3', 'g2'),
            household('h4', 'g2', 'retired'),
            household('h5', 'g3', 'retired'),
          ])
          .execute();
        await db
          .insertInto('pop_round_households')
          .values([
            state('r1', 'h1', 'g1', 1, 0),
            // Visited on g1, moved to g2 before the migration: counted on g2 from now on.
            state('r1', 'h3', 'g1', 0, 1),
            state('r1', 'h4', 'g2', 1, 0),
            state('r2', 'h2', 'g1', 0, 1),
          ])
          .execute();
        await migrate(null);

        const stored = await rollupStore.stored(db);
        const fold = await rollupStore.fold(db);
        const sorted = (xs: object[]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(sorted(stored.grids)).toEqual(sorted(fold.grids));
        expect(sorted(stored.rounds)).toEqual(sorted(fold.rounds));
        expect(await rollupStore.coverage(db, '411602', 'r1', '/d/')).toEqual(
          new Map([
            ['g1', { households: 2, visited: 1, verified: 1, absentOnly: 0 }],
            ['g2', { households: 1, visited: 1, verified: 0, absentOnly: 1 }],
          ]),
        );
        const h3 = await db
          .selectFrom('pop_round_households')
          .select('grid_id')
          .where('household_id', '=', 'h3')
          .executeTakeFirstOrThrow();
        expect(h3.grid_id).toBe('g2');
      } finally {
        await drop();
      }
    }, 60_000);
  });
}
