import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_forms')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_forms_code').on('report_forms').columns(['district_code', 'code']).unique().execute();

  // Every version of a form is kept, so earlier submissions are always read with their own definition.
  await db.schema
    .createTable('report_form_versions')
    .addColumn('form_id', 'varchar(36)', (c) => c.notNull().references('report_forms.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The ReportFormDefinition as JSON. */
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_form_versions_pk', ['form_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('form_id', 'varchar(36)', (c) => c.notNull().references('report_forms.id'))
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('zero', 'integer', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    /** The first submission's time: timeliness is decided by it, corrections never change it. */
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One report per unit and period: of two submitted at once, one is inserted and the other corrects it.
  await db.schema.createIndex('report_submissions_unit_period').on('report_submissions').columns(['form_id', 'unit_id', 'period']).unique().execute();
  await db.schema.createIndex('report_submissions_period').on('report_submissions').columns(['form_id', 'period', 'unit_path']).execute();

  await db.schema
    .createTable('report_submission_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull().references('report_submissions.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('zero', 'integer', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_submission_history_sub').on('report_submission_history').columns(['submission_id', 'revision']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['report_submission_history', 'report_submissions', 'report_form_versions', 'report_forms']) await db.schema.dropTable(t).execute();
}
