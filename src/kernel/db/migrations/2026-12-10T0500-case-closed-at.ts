import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// The wall display (大屏) counts today's closings by hour in the caller's scope: a range of closed_at
// with the grid path beside it, instead of reading every case of the ledger once a change is pushed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_closed_scope').on('cases').columns(['closed_at', 'grid_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_closed_scope').execute();
}
