import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// Issue 16, items 2 and 4. Failed logins are counted per username and client address (a missing
// account is counted like an existing one), atomically with INSERT … ON CONFLICT … RETURNING, so
// several server processes on one database share the count. accounts.failed_logins and locked_until
// stay for older code but are no longer read.
// API tokens now expire: the live ones made before had no expiry and get 90 days from this migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    .addColumn('username', 'varchar(50)', (c) => c.notNull())
    .addColumn('client', 'varchar(64)', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('held_until', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttles_pk', ['username', 'client'])
    .execute();
  await db.schema.createIndex('login_throttles_updated').on('login_throttles').column('updated_at').execute();

  const expires = new Date(Date.now() + 90 * 24 * 3600_000).toISOString();
  await db
    .updateTable('sessions')
    .set({ expires_at: expires })
    .where('kind', '=', 'api_token')
    .where('expires_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttles').execute();
}
