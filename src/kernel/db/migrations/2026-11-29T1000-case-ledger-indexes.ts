import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// Measured in bench/ledger at 1,000,000 cases: a ledger page filtered by one status read every case
// of that status and sorted them (1.2 s at p95); the KPIs' "past deadline" counts read whole rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_status_id').on('cases').columns(['status', 'id']).execute();
  await db.schema.createIndex('cases_open_due').on('cases')
    .columns(['district_code', 'status', 'deadline', 'reported_at', 'grid_path']).execute();
  await db.schema.createIndex('cases_unhandled_due_covering').on('cases')
    .columns(['first_feedback_at', 'deadline', 'dispatched_at', 'status', 'district_code', 'reported_at', 'grid_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['cases_status_id', 'cases_open_due', 'cases_unhandled_due_covering']) await db.schema.dropIndex(i).execute();
}
