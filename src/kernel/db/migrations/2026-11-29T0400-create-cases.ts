import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_categories')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('code', 'varchar(10)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(10)')
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('time_limit_value', 'integer')
    .addColumn('time_limit_unit', 'varchar(5)')
    .addColumn('default_unit_id', 'varchar(36)', (c) => c.references('units.id'))
    .addColumn('duplicate_radius_m', 'integer', (c) => c.notNull().defaultTo(250))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_categories_pk', ['district_code', 'code'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('category_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('address', 'varchar(200)')
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.references('units.id'))
    .addColumn('grid_path', 'varchar(400)')
    .addColumn('community_id', 'varchar(36)')
    .addColumn('subdistrict_id', 'varchar(36)')
    /** 1 when the location lies in no grid: the case is kept and flagged, never dropped. */
    .addColumn('out_of_grid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('assigned_unit_id', 'varchar(36)', (c) => c.references('units.id'))
    .addColumn('assigned_unit_path', 'varchar(400)')
    .addColumn('deadline', 'varchar(30)')
    .addColumn('deadline_status', 'varchar(16)', (c) => c.notNull().defaultTo('none'))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'varchar(36)')
    .addColumn('reported_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('dispatched_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('reconciled_at', 'varchar(30)')
    .addColumn('reconciled_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_grid_path').on('cases').columns(['grid_path', 'id']).execute();
  await db.schema.createIndex('cases_assigned').on('cases').columns(['assigned_unit_path', 'id']).execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['district_code', 'status', 'id']).execute();
  await db.schema.createIndex('cases_deadline').on('cases').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('cases_category_point').on('cases').columns(['category_code', 'lng', 'lat']).execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** 1, 2, 3 … per case; unique, so of two concurrent actions on one case only one lands. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(24)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(50)')
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_actions_seq').on('case_actions').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('case_number_counters')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('day', 'varchar(8)', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pk', ['district_code', 'day'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('filename', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('gps_lng', 'double precision')
    .addColumn('gps_lat', 'double precision')
    .addColumn('taken_at', 'varchar(30)')
    .addColumn('uploaded_by', 'varchar(36)')
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    /** The case the file was first attached to: it decides who may see the file. */
    .addColumn('case_id', 'varchar(36)')
    .execute();

  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(30)')
    .addColumn('entity_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('inbox_account').on('inbox_messages').columns(['account_id', 'id']).execute();

  // Scheduled jobs: one row per (job, slot); the unique key lets exactly one process run a slot.
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'varchar(50)', (c) => c.notNull())
    .addColumn('slot', 'varchar(30)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'slot'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['job_runs', 'inbox_messages', 'files', 'case_number_counters', 'case_actions', 'cases', 'case_categories']) {
    await db.schema.dropTable(t).execute();
  }
}
