import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// The ledger lists newest report first (reported_at, id), not newest id: an offline report is minted
// when it reaches the server, hours after it was made, and sorted above newer ones. The walks it did
// along (status, id, scope) now go along (status, reported_at, id, scope), which replaces it, and a
// ledger with no status filter walks (reported_at, id, scope): one index more on each write.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_reported_scope')
    .on('cases')
    .columns(['reported_at', 'id', 'grid_path', 'assigned_unit_path'])
    .execute();
  await db.schema
    .createIndex('cases_status_reported_scope')
    .on('cases')
    .columns(['status', 'reported_at', 'id', 'grid_path', 'assigned_unit_path'])
    .execute();
  await db.schema.dropIndex('cases_status_scope').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_status_scope').on('cases').columns(['status', 'id', 'grid_path', 'assigned_unit_path']).execute();
  await db.schema.dropIndex('cases_status_reported_scope').execute();
  await db.schema.dropIndex('cases_reported_scope').execute();
}
