import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// Overdue reminders of CPPCC proposals (政协提案) and tracked supervisor opinions: one row per item
// reminded for one deadline. The primary key is what makes the reminder go out once: the job inserts
// the row in the same transaction as the inbox messages and sends only if the insert took, so two
// processes on one PostgreSQL (the second insert waits for the first transaction, then finds the row)
// and repeated ticks send it once. A new deadline is a new key, so it is reminded again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposal_reminders')
    // A proposal's id or a supervisor opinion's id.
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    // 'reply#0', 'commitment#2', 'opinion': the item owed within its subject.
    .addColumn('item', 'varchar(40)', (c) => c.notNull())
    // The local date (YYYY-MM-DD) the item was due by.
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_reminders_pk', ['subject_id', 'item', 'deadline'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposal_reminders').execute();
}
