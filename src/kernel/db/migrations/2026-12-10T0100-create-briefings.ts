import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 工作简报 (issue 15 item 6): the district's templates (text with placeholders naming measures), the
// briefings written from them for a unit and a period (the current text and the figures behind its
// footnotes, JSON), and every issued version, kept as issued.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('briefing_templates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 'default.ledger' … for a default the system keeps; null for one a person created.
    .addColumn('default_key', 'varchar(40)')
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    // null while only the system wrote it (a default then follows the measures registered).
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_by_name', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('briefing_templates_default')
    .on('briefing_templates')
    .columns(['district_code', 'default_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('briefings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('template_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    // The unit's path when written: the data scope.
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    // The instant the figures were measured at.
    .addColumn('as_of', 'varchar(30)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON: the footnotes' figures and queries (contracts/briefings.ts BriefingFigure[]).
    .addColumn('figures', 'text', (c) => c.notNull())
    // 'draft' (changes not issued) | 'issued'.
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('issued_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('briefings_scope').on('briefings').columns(['district_code', 'unit_path']).execute();

  await db.schema
    .createTable('briefing_versions')
    .addColumn('briefing_id', 'varchar(36)', (c) => c.notNull().references('briefings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('issued_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('briefing_versions_pk', ['briefing_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('briefing_versions').execute();
  await db.schema.dropTable('briefings').execute();
  await db.schema.dropTable('briefing_templates').execute();
}
