import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 场所与检查 (SPEC §6, issue 12 item 6): venues placed on the grid, the district's configurable venue
// types and checklist, inspections (one row per inspection, its item results as JSON, photos in a
// join table) and closure orders (停业整顿), at most one open per venue.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['venue_types', 'venue_check_items']) {
    await db.schema
      .createTable(table)
      .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
      // Stable: records keep the code; a rename changes the name only, a retired entry keeps its row.
      .addColumn('code', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(30)', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['district_code', 'code'])
      .execute();
  }

  await db.schema
    .createTable('venues')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('type_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('owner_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('owner_phone', 'varchar(20)', (c) => c.notNull())
    // WGS-84; null when the grid was chosen instead of a point.
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    // The small grid; its path is the venue's data scope and follows unit moves.
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    // 'open' (营业) or 'closed' (停业整顿).
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venues_scope').on('venues').columns(['district_code', 'grid_path']).execute();

  await db.schema
    .createTable('venue_inspections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('venue_id', 'varchar(36)', (c) => c.notNull().references('venues.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('inspected_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('inspector_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('inspector_name', 'varchar(100)', (c) => c.notNull())
    // 'pass' or 'fail', derived from the items when written.
    .addColumn('result', 'varchar(10)', (c) => c.notNull())
    // [{ code, name, result }] as checked: names frozen, so a later rename does not rewrite history.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('case_id', 'varchar(36)')
    .addColumn('case_number', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('venue_inspections_venue')
    .on('venue_inspections')
    .columns(['venue_id', 'inspected_at'])
    .execute();

  await db.schema
    .createTable('venue_inspection_files')
    .addColumn('inspection_id', 'varchar(36)', (c) => c.notNull().references('venue_inspections.id'))
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('venue_inspection_files_pk', ['inspection_id', 'file_id'])
    .execute();
  await db.schema.createIndex('venue_inspection_files_file').on('venue_inspection_files').column('file_id').execute();

  await db.schema
    .createTable('venue_closures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('venue_id', 'varchar(36)', (c) => c.notNull().references('venues.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('until_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('issued_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('issued_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    // 1 while the order stands: the partial unique index below allows one open order per venue.
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('lifted_by', 'varchar(36)')
    .addColumn('lifted_by_name', 'varchar(100)')
    .addColumn('lifted_at', 'varchar(30)')
    .addColumn('lift_note', 'varchar(500)')
    // The passing re-check the lift rests on.
    .addColumn('lift_inspection_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('venue_closures_venue').on('venue_closures').columns(['venue_id', 'issued_at']).execute();
  await db.schema
    .createIndex('venue_closures_one_open')
    .on('venue_closures')
    .column('venue_id')
    .unique()
    .where(sql.ref('open'), '=', 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_closures').execute();
  await db.schema.dropTable('venue_inspection_files').execute();
  await db.schema.dropTable('venue_inspections').execute();
  await db.schema.dropTable('venues').execute();
  await db.schema.dropTable('venue_check_items').execute();
  await db.schema.dropTable('venue_types').execute();
}
