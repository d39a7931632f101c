import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('first_feedback_at', 'varchar(30)').execute();
  // "Fed back by the deadline?" is asked of the few cases past their deadline without a feedback.
  await db.schema.createIndex('cases_unhandled_due').on('cases').columns(['first_feedback_at', 'deadline']).execute();

  let t = db.schema
    .createTable('case_kpi_rollup')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The community's unit path ('/d/s/c/'), or the district's for cases in no grid. */
    .addColumn('area_path', 'varchar(400)', (c) => c.notNull())
    /** Local report day, YYYYMMDD. */
    .addColumn('day', 'varchar(8)', (c) => c.notNull());
  for (const col of ['cases', 'rejected', 'merged', 'dispatched', 'closed', 'closed_on_time', 'handled', 'handled_on_time', 'reworked', 'extended', 'handling_samples', 'closing_samples']) {
    t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
  }
  t = t.addColumn('handling_millis', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('closing_millis', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('case_kpi_rollup_pk', ['district_code', 'area_path', 'day']);
  await t.execute();
  await db.schema.createIndex('case_kpi_rollup_day').on('case_kpi_rollup').columns(['district_code', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_kpi_rollup').execute();
  await db.schema.dropIndex('cases_unhandled_due').execute();
  await db.schema.alterTable('cases').dropColumn('first_feedback_at').execute();
}
