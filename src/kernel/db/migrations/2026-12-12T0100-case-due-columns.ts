import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// What time adds to a period's KPIs (the cases' dueCounts rule) is read from the open cases past their
// deadline: their status, deadline, report, dispatch and first feedback (columns already) and whether
// they were reworked or extended (only in the state JSON until now). At 1,000,000 cases a year's
// dashboard parsed ~31,000 states for those two numbers (~0.3 s). They become derived columns, written
// with the others at every step and backfilled here from the states; and a partial index of the open
// cases holds every field that read needs, so it touches no table row. Like cases_open_by_grid, a
// query uses it only when its WHERE repeats this very list of statuses as literals.
export const OPEN_STATUSES_AT_12T0100 = [
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
  await db.schema
    .alterTable('cases')
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Only the cases ever reworked or extended change (a few percent); the rest keep the default 0.
  const counts =
    dialectOf(db) === 'postgres'
      ? { rework: sql`(state::jsonb ->> 'reworkCount')::int`, extension: sql`(state::jsonb ->> 'extensionCount')::int` }
      : { rework: sql`json_extract(state, '$.reworkCount')`, extension: sql`json_extract(state, '$.extensionCount')` };
  await sql`UPDATE cases SET rework_count = coalesce(${counts.rework}, 0), extension_count = coalesce(${counts.extension}, 0)
    WHERE ${counts.rework} > 0 OR ${counts.extension} > 0`.execute(db);
  const list = sql.raw(OPEN_STATUSES_AT_12T0100.map((s) => `'${s}'`).join(', '));
  await db.schema
    .createIndex('cases_open_due_fields')
    .on('cases')
    .columns([
      'district_code',
      'deadline',
      'reported_at',
      'grid_path',
      'assigned_unit_path',
      'status',
      'dispatched_at',
      'first_feedback_at',
      'rework_count',
      'extension_count',
    ])
    .where(sql.ref('status'), 'in', sql`(${list})`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_due_fields').execute();
  await db.schema.alterTable('cases').dropColumn('extension_count').execute();
  await db.schema.alterTable('cases').dropColumn('rework_count').execute();
}
