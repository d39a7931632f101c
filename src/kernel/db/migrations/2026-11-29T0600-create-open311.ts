import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One key per Open311 client app; only the sha256 of the key is kept, the key is shown once.
  await db.schema
    .createTable('open311_api_keys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('open311_api_keys_district').on('open311_api_keys').columns(['district_code', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open311_api_keys').execute();
}
