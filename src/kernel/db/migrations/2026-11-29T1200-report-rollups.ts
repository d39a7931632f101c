import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// Report roll-ups kept beside the submissions, in the same transaction as each submission, so that
// completeness and roll-ups of a district over a year read a few hundred rows instead of millions.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per form, period and area: the area is every ancestor of the reporting unit (not the
  // unit itself, whose own reports are read from report_submissions).
  await db.schema
    .createTable('report_rollups')
    .addColumn('form_id', 'varchar(36)', (c) => c.notNull().references('report_forms.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    /** An ancestor's unit path, '/d/s/c/'. */
    .addColumn('area_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('zero', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_rollups_pk', ['form_id', 'area_path', 'period'])
    .execute();
  // Numeric fields of the same reports: mergeable partials (sum, count, max) per field.
  await db.schema
    .createTable('report_rollup_fields')
    .addColumn('form_id', 'varchar(36)', (c) => c.notNull().references('report_forms.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('area_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('field', 'varchar(64)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max', 'double precision')
    .addPrimaryKeyConstraint('report_rollup_fields_pk', ['form_id', 'area_path', 'period', 'field'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_rollup_fields').execute();
  await db.schema.dropTable('report_rollups').execute();
}
