import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// 在办问题数 by grid (the dashboard, the map, the wall) counts the open cases of a district. The status
// index holds every case and not the district, so at 1,000,000 cases the ~48,000 open ones cost a
// table read each (~0.75 s cold). This partial index holds only the open cases, with their grid:
// small (the open ones) and cheap to keep (an entry only while a case is open). A query can use it
// only when its WHERE names the very same list, written as literals (cases' OPEN_LITERALS).
export const OPEN_STATUSES_AT_0100 = [
  'reported',
  'escalated',
  'escalated_district',
  'accepted',
  'dispatched',
  'handling',
  'returned',
  'pending_verification',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const list = sql.raw(OPEN_STATUSES_AT_0100.map((s) => `'${s}'`).join(', '));
  await db.schema
    .createIndex('cases_open_by_grid')
    .on('cases')
    .columns(['district_code', 'grid_path'])
    .where(sql.ref('status'), 'in', sql`(${list})`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_by_grid').execute();
}
