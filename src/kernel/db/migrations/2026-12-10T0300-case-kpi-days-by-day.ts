import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// The KPI roll-up read by period: a month of every small grid (the map, the rankings) is ~15,000 of
// the year's ~200,000 'grid' rows; the primary key (… unit_path, day) can only narrow by view and
// then filter every row's day, this index seeks the period's days.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('case_kpi_days_by_day')
    .on('case_kpi_days')
    .columns(['district_code', 'basis', 'kpi_view', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_kpi_days_by_day').execute();
}
