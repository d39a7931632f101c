import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: never edit after it lands; add a new migration instead.
// Door-knocking coverage at district scale (issue 12, "Measured" (c), (d)):
// - pop_grid_households: active households per small grid (coverage's denominators), with the grid's
//   path so a unit's grids are one range read;
// - pop_round_grids: per round and grid, households visited, verified and found nobody-in only (the
//   numerators), counting active households only.
// Both are kept by the population store in the transaction of every write that changes them, and are
// rebuilt here from the base tables for the data already there. A household's state rows are moved to
// the grid it lives on now (before this migration a move left them on the old grid).
// Also: indexes the phone's door list is read from alone (a grid's doors, their states, their members),
// residents in name order per district (the residents page, name search), and on PostgreSQL a
// trigram index for 包含 searches by name when pg_trgm is available.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pop_grid_households')
    .addColumn('grid_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pop_grid_households_path')
    .on('pop_grid_households')
    .columns(['district_code', 'grid_path'])
    .execute();
  await db.schema
    .createTable('pop_round_grids')
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('visited', 'integer', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('absent_only', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pop_round_grids_pk', ['round_id', 'grid_id'])
    .execute();

  await sql`UPDATE pop_round_households SET grid_id = (
      SELECT h.grid_id FROM pop_households h WHERE h.id = pop_round_households.household_id)
    WHERE grid_id <> (SELECT h.grid_id FROM pop_households h WHERE h.id = pop_round_households.household_id)`.execute(
    db,
  );
  await sql`INSERT INTO pop_grid_households (grid_id, district_code, grid_path, households)
    SELECT grid_id, max(district_code), max(grid_path), sum(CASE WHEN status = 'active' THEN 1 ELSE 0 END)
    FROM pop_households GROUP BY grid_id`.execute(db);
  await sql`INSERT INTO pop_round_grids (round_id, grid_id, visited, verified, absent_only)
    SELECT s.round_id, s.grid_id, count(*), sum(s.verified), sum(s.absent_only)
    FROM pop_round_households s JOIN pop_households h ON h.id = s.household_id
    WHERE h.status = 'active' GROUP BY s.round_id, s.grid_id`.execute(db);

  // The phone's door list read from indexes alone: a grid's doors in order with what the list shows,
  // and each door's state in the round (the old per-grid index only served the counts the roll-up
  // now keeps).
  await db.schema.dropIndex('pop_households_grid').execute();
  await db.schema
    .createIndex('pop_households_grid')
    .on('pop_households')
    .columns(['grid_id', 'status', 'address', 'id', 'building_id'])
    .execute();
  await db.schema.dropIndex('pop_round_households_grid').execute();
  await db.schema
    .createIndex('pop_round_households_grid')
    .on('pop_round_households')
    .columns(['round_id', 'grid_id', 'household_id', 'visits', 'last_result', 'last_visited_at'])
    .execute();

  // The residents page of a unit, in name order, and name searches: walked in name order per district.
  await db.schema
    .createIndex('pop_residents_name')
    .on('pop_residents')
    .columns(['district_code', 'name', 'id'])
    .execute();
  // A grid's residents with what the phone's door list shows of them, read from the index alone.
  await db.schema
    .createIndex('pop_residents_grid')
    .on('pop_residents')
    .columns(['grid_id', 'status', 'household_id', 'name', 'relation', 'id'])
    .execute();

  if (dialectOf(db) === 'postgres') {
    const available = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(
      db,
    );
    if (available.rows[0]!.n > 0) {
      // Extensions are per database: in public, so that every schema's index finds its operator class.
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
      const where = await sql<{ nspname: string }>`SELECT n.nspname FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`.execute(db);
      const ops = sql.raw(`"${where.rows[0]!.nspname}".gin_trgm_ops`);
      await sql`CREATE INDEX pop_residents_name_trgm ON pop_residents USING gin (name ${ops})`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`DROP INDEX IF EXISTS pop_residents_name_trgm`.execute(db);
  await db.schema.dropIndex('pop_residents_grid').execute();
  await db.schema.dropIndex('pop_round_households_grid').execute();
  await db.schema
    .createIndex('pop_round_households_grid')
    .on('pop_round_households')
    .columns(['round_id', 'grid_id', 'verified', 'absent_only'])
    .execute();
  await db.schema.dropIndex('pop_households_grid').execute();
  await db.schema
    .createIndex('pop_households_grid')
    .on('pop_households')
    .columns(['grid_id', 'status', 'address'])
    .execute();
  await db.schema.dropIndex('pop_residents_name').execute();
  await db.schema.dropTable('pop_round_grids').execute();
  await db.schema.dropTable('pop_grid_households').execute();
}
