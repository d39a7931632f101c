import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 居家措施 (SPEC §6, issue 12 item 5): home measures (居家隔离 / 居家健康监测) on a resident, their four
// owners (四包一: 街道干部, 社区干部, 民警, 医生), one follow-up row per day of the window (generated at
// start, Go.Data's statuses), and the measure's history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('resident_id', 'varchar(36)', (c) => c.notNull())
    // The subject's name and place when the measure started (the list shows them without population).
    .addColumn('subject_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('household_address', 'varchar(200)')
    // The subject's small grid's path: the measure's data scope for the 街道 and the 社区.
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('community_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('subdistrict_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('start_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('length_days', 'integer', (c) => c.notNull())
    .addColumn('end_day', 'varchar(10)', (c) => c.notNull())
    // JSON array of 核酸 days inside the window.
    .addColumn('test_days', 'text', (c) => c.notNull())
    // 'open', 'completed', 'lost', 'hospital'.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('ended_on', 'varchar(10)')
    .addColumn('note', 'text')
    // The four owners' accounts, also here (they never change): the district's daily lists read one
    // row per measure instead of four (measure_owners answers "which measures are mine").
    .addColumn('owner_subdistrict', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_community', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_police', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_doctor', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measures_scope').on('measures').columns(['district_code', 'grid_path']).execute();
  await db.schema.createIndex('measures_resident').on('measures').columns(['resident_id', 'status']).execute();
  await db.schema.createIndex('measures_open').on('measures').columns(['status', 'end_day']).execute();

  await db.schema
    .createTable('measure_owners')
    .addColumn('measure_id', 'varchar(36)', (c) => c.notNull().references('measures.id'))
    // 'subdistrict', 'community', 'police', 'doctor'.
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('account_name', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_owners_pk', ['measure_id', 'role'])
    .execute();
  await db.schema.createIndex('measure_owners_account').on('measure_owners').columns(['account_id', 'measure_id']).execute();

  await db.schema
    .createTable('measure_follow_ups')
    .addColumn('measure_id', 'varchar(36)', (c) => c.notNull().references('measures.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    // 'not_performed', 'seen_ok', 'seen_not_ok', 'missed'.
    .addColumn('status', 'varchar(14)', (c) => c.notNull())
    // 'visit' (上门) or 'phone' (电话).
    .addColumn('method', 'varchar(10)')
    .addColumn('temperature', 'double precision')
    .addColumn('note', 'varchar(300)')
    // Null while not performed, and when the day's end job marked it missed.
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('recorded_by_name', 'varchar(100)')
    .addColumn('recorded_role', 'varchar(12)')
    .addColumn('recorded_at', 'varchar(30)')
    .addPrimaryKeyConstraint('measure_follow_ups_pk', ['measure_id', 'day'])
    .execute();
  // A day's follow-ups (the owners' lists, covering: no table read) and the day-end job's pending rows.
  await db.schema
    .createIndex('measure_follow_ups_day')
    .on('measure_follow_ups')
    .columns(['day', 'measure_id', 'status'])
    .execute();

  await db.schema
    .createTable('measure_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('measure_id', 'varchar(36)', (c) => c.notNull().references('measures.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    // 'start', 'end', 'missed', 'follow_up'.
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('detail', 'varchar(500)', (c) => c.notNull())
    .addColumn('by_id', 'varchar(36)')
    .addColumn('by_name', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measure_events_measure').on('measure_events').columns(['measure_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['measure_events', 'measure_follow_ups', 'measure_owners', 'measures'])
    await db.schema.dropTable(t).execute();
}
