import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// The KPI roll-up keeps its 'area' and 'grid' rows by month as well ('area_month', 'grid_month', day =
// YYYYMM): a period reads its whole months from them and only its ragged ends by day. At 1,000,000
// cases a year of the district summed ~14,000 day rows of its communities, a month of the map ~15,000
// of its grids; by month they are ~470 and 491. The cases' commands write both from now on; this fills
// the month rows from the day rows already there.
const FIELDS = [
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
  'handling_millis',
  'handling_samples',
  'closing_millis',
  'closing_samples',
];

export async function up(db: Kysely<any>): Promise<void> {
  const cols = sql.raw(FIELDS.join(', '));
  const sums = sql.raw(FIELDS.map((f) => `sum(${f})`).join(', '));
  await sql`INSERT INTO case_kpi_days (district_code, basis, kpi_view, unit_path, day, ${cols})
    SELECT district_code, basis, kpi_view || '_month', unit_path, substr(day, 1, 6), ${sums}
    FROM case_kpi_days WHERE kpi_view IN ('area', 'grid')
    GROUP BY district_code, basis, kpi_view, unit_path, substr(day, 1, 6)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('case_kpi_days').where('kpi_view', 'in', ['area_month', 'grid_month']).execute();
}
