import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// The proposal categories (类别) offered at registration, a list the 提案委 keeps.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposal_categories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    /** 1 offered at registration, 0 retired (kept on the proposals that carry it). */
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_categories_name')
    .on('proposal_categories')
    .columns(['district_code', 'name'])
    .unique()
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposal_categories').execute();
}
