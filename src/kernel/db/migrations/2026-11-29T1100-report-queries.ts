import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 24小时数据核查: the level above questions a reported figure; the unit answers within 24 hours.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_queries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull().references('report_submissions.id'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    /** The questioned field's code, or null for the report as a whole. */
    .addColumn('field', 'varchar(64)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('asked_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('asked_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('escalated_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('report_queries_open').on('report_queries').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('report_queries_unit').on('report_queries').columns(['unit_path', 'id']).execute();
  await db.schema
    .createTable('report_query_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('query_id', 'varchar(36)', (c) => c.notNull().references('report_queries.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_query_messages_query').on('report_query_messages').columns(['query_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_query_messages').execute();
  await db.schema.dropTable('report_queries').execute();
}
