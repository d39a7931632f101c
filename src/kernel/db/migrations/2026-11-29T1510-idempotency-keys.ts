import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// Idempotency-Key (IETF httpapi draft, as Stripe does it): a client that lost the answer to a POST
// sends it again with the same key and gets the first answer instead of a second record. One row per
// key an account used for an operation, written in the same transaction as what the request created,
// so both land or neither. The primary key is what makes two requests with one key create one record:
// on PostgreSQL the second insert waits for the first transaction and then finds the row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id'))
    .addColumn('key', 'varchar(255)', (c) => c.notNull())
    // e.g. 'case.report': a key names one request of one operation.
    .addColumn('operation', 'varchar(50)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // sha256 hex of the canonical JSON body: the same key with another body is refused, not replayed.
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'operation', 'key'])
    .execute();
  // Keys expire (a daily job deletes those older than a week).
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
