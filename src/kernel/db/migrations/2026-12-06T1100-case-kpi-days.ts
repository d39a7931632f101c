import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// The KPI roll-up by basis (GB/T 30428.4 by event day, or by report day) and view (area or
// handler). It replaces case_kpi_rollup (by report day and community only); the cases module
// refills it from the cases at the next start (prepare), so it starts empty.
export async function up(db: Kysely<any>): Promise<void> {
  let t = db.schema
    .createTable('case_kpi_days')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** 'standard' or 'reported'. */
    .addColumn('basis', 'varchar(10)', (c) => c.notNull())
    /** 'area' (path: the case's grid, or the district for a case in no grid) or 'handler' (its assigned unit). */
    .addColumn('kpi_view', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    /** Local day, YYYYMMDD. */
    .addColumn('day', 'varchar(8)', (c) => c.notNull());
  for (const col of [
    'reported',
    'accepted',
    'rejected',
    'merged',
    'dispatched',
    'due_to_close',
    'closed',
    'closed_on_time',
    'due_to_handle',
    'handled',
    'handled_on_time',
    'reworked',
    'extended',
    'handling_samples',
    'closing_samples',
  ]) {
    t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
  }
  t = t
    .addColumn('handling_millis', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('closing_millis', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('case_kpi_days_pk', ['district_code', 'basis', 'kpi_view', 'unit_path', 'day']);
  await t.execute();
  await db.schema.dropTable('case_kpi_rollup').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_kpi_days').execute();
}
