import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: never edit after it lands; add a new migration instead.
// 巡查 (issue 13 items 3 and 7): patrols started and ended on the phone — of one or more grids, or of a
// village's farmland (耕地巡查) — with the people along, the cases found or fixed on the way (linked to
// the ledger), the GPS track in compact blobs (one per uploaded batch, see patrols/domain/track-codec.ts),
// and per-unit-per-day and per-unit-per-month roll-ups kept on patrol end, so coverage of a district
// over a year reads days (or months), not patrols.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('patrols')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 'grid' (巡查 of grids) or 'farmland' (耕地巡查 of a village).
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    // The deepest unit holding all the patrol's units: its data scope.
    .addColumn('scope_path', 'varchar(400)', (c) => c.notNull())
    // 'active' or 'ended'.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorder_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('recorder_name', 'varchar(100)', (c) => c.notNull())
    // From the phone's clock (checked against the server's).
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    // Local days (Asia/Shanghai) of the start and end.
    .addColumn('start_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_day', 'varchar(10)')
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('far_points', 'integer', (c) => c.notNull())
    .addColumn('distance_m', 'integer', (c) => c.notNull())
    // The last stored point (JSON [lng, lat, ms]): the next batch's distance starts from it.
    .addColumn('last_point', 'varchar(80)')
    .addColumn('note', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrols_scope').on('patrols').columns(['district_code', 'start_day', 'scope_path']).execute();
  await db.schema.createIndex('patrols_recorder').on('patrols').columns(['recorder_id', 'status', 'started_at']).execute();

  // The patrol's grids (or its village), with their paths: scope checks and the plain GROUP BY.
  await db.schema
    .createTable('patrol_units')
    .addColumn('patrol_id', 'varchar(36)', (c) => c.notNull().references('patrols.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_units_pk', ['patrol_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('patrol_units_unit').on('patrol_units').columns(['unit_id', 'patrol_id']).execute();

  await db.schema
    .createTable('patrol_people')
    .addColumn('patrol_id', 'varchar(36)', (c) => c.notNull().references('patrols.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // Null for a volunteer without an account (free text).
    .addColumn('account_id', 'varchar(36)')
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // 'recorder' or 'companion'.
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_people_pk', ['patrol_id', 'seq'])
    .execute();
  await db.schema.createIndex('patrol_people_account').on('patrol_people').columns(['account_id', 'patrol_id']).execute();

  await db.schema
    .createTable('patrol_track_chunks')
    .addColumn('patrol_id', 'varchar(36)', (c) => c.notNull().references('patrols.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_track_chunks_pk', ['patrol_id', 'seq'])
    .execute();

  await db.schema
    .createTable('patrol_cases')
    .addColumn('patrol_id', 'varchar(36)', (c) => c.notNull().references('patrols.id'))
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(40)', (c) => c.notNull())
    // 'found' (发现上报) or 'fixed' (当场处置).
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .addColumn('linked_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('linked_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_cases_pk', ['patrol_id', 'case_id'])
    .execute();
  await db.schema.createIndex('patrol_cases_case').on('patrol_cases').columns(['case_id']).execute();

  // Per unit (grid, or village for 耕地巡查) and local day: the ended patrols that walked it.
  await db.schema
    .createTable('patrol_unit_days')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('patrols', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_unit_days_pk', ['unit_id', 'kind', 'day'])
    .execute();
  await db.schema
    .createIndex('patrol_unit_days_scope')
    .on('patrol_unit_days')
    .columns(['district_code', 'kind', 'day', 'unit_path', 'unit_id', 'patrols'])
    .execute();
  // The same per unit and month (YYYY-MM): days with a patrol and patrols, so a year by month reads
  // twelve rows per grid (kept beside the day rows in the end's transaction).
  await db.schema
    .createTable('patrol_unit_months')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('patrols', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_unit_months_pk', ['unit_id', 'kind', 'month'])
    .execute();
  await db.schema
    .createIndex('patrol_unit_months_scope')
    .on('patrol_unit_months')
    .columns(['district_code', 'kind', 'month', 'unit_path', 'unit_id', 'days', 'patrols'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['patrol_unit_months', 'patrol_unit_days', 'patrol_cases', 'patrol_track_chunks', 'patrol_people', 'patrol_units', 'patrols'])
    await db.schema.dropTable(t).execute();
}
