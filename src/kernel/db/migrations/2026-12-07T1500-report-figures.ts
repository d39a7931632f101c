import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// Report fields pre-filled from figures the system counts (敲门入户数 …): each report keeps, beside
// what the reporter sent, the system's figures at the moment it was sent (JSON by field code; null
// when the form names no source). Door-knocking visits are counted by day, so they get a time index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_submissions').addColumn('system_values', 'text').execute();
  await db.schema.alterTable('report_submission_history').addColumn('system_values', 'text').execute();
  await db.schema.createIndex('pop_visits_visited_at').on('pop_visits').columns(['visited_at', 'grid_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pop_visits_visited_at').execute();
  await db.schema.alterTable('report_submission_history').dropColumn('system_values').execute();
  await db.schema.alterTable('report_submissions').dropColumn('system_values').execute();
}
