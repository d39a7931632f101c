import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 包联责任与值班排班 (SPEC §4, issue 13 items 1–2): the responsibility web (who answers for a
// community, party branch or grid, dated), the community duty roster (one row per community and day)
// and the claims of the daily gap reminder (one per community and day, so it tells people once).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_responsibilities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // lead, branch_lead, embed, pair, grid_head, grid_instructor.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    // The target's path: the scope it is read and written in; follows unit moves.
    .addColumn('target_path', 'varchar(400)', (c) => c.notNull())
    // 'account' or 'unit'.
    .addColumn('holder_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('holder_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('from_day', 'varchar(10)', (c) => c.notNull())
    // Inclusive; null while open-ended.
    .addColumn('to_day', 'varchar(10)')
    .addColumn('note', 'varchar(200)')
    .addColumn('created_by_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('ended_by_id', 'varchar(36)')
    .execute();
  await db.schema
    .createIndex('duty_responsibilities_target')
    .on('duty_responsibilities')
    .columns(['target_id', 'kind', 'from_day'])
    .execute();
  await db.schema
    .createIndex('duty_responsibilities_scope')
    .on('duty_responsibilities')
    .columns(['district_code', 'target_path'])
    .execute();
  await db.schema
    .createIndex('duty_responsibilities_holder')
    .on('duty_responsibilities')
    .columns(['holder_id'])
    .execute();

  await db.schema
    .createTable('duty_roster_days')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // The community's path; follows unit moves.
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('cadre_id', 'varchar(36)')
    .addColumn('cadre_name', 'varchar(100)')
    // JSON arrays: volunteers' names, and the small grids covered.
    .addColumn('volunteers', 'text', (c) => c.notNull())
    .addColumn('grid_ids', 'text', (c) => c.notNull())
    .addColumn('updated_by_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_roster_days_pk', ['unit_id', 'day'])
    .execute();
  await db.schema
    .createIndex('duty_roster_days_scope')
    .on('duty_roster_days')
    .columns(['district_code', 'day', 'unit_path'])
    .execute();

  await db.schema
    .createTable('duty_gap_reminders')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_gap_reminders_pk', ['unit_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duty_gap_reminders').execute();
  await db.schema.dropTable('duty_roster_days').execute();
  await db.schema.dropTable('duty_responsibilities').execute();
}
