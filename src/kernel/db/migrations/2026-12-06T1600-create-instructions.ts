import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 领导批示 (SPEC §7): a leader's instruction on a task, a case or a proposal (briefings later), and
// the owner units it was sent to, each answering once. Append-only: an instruction is never edited
// or deleted; an owner row gets its answer once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instructions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 'task', 'case', 'proposal' … (contracts/instructions.ts).
    .addColumn('target_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    // The record's title when the instruction was written (for messages and lists).
    .addColumn('target_title', 'varchar(300)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('leader_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('leader_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('instructions_target')
    .on('instructions')
    .columns(['target_kind', 'target_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('instruction_owners')
    .addColumn('instruction_id', 'varchar(36)', (c) => c.notNull().references('instructions.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(200)', (c) => c.notNull())
    // lead / cooperating / handling / triage / main / assisting.
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'varchar(36)')
    .addColumn('replied_by_name', 'varchar(100)')
    .addColumn('replied_at', 'varchar(30)')
    .addPrimaryKeyConstraint('instruction_owners_pk', ['instruction_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instruction_owners').execute();
  await db.schema.dropTable('instructions').execute();
}
