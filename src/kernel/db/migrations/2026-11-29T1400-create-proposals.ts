import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// CPPCC proposals (提案) with their append-only action list, and democratic supervisors (民主监督员).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** e.g. 2026-001, unique per district (and so per year). */
    .addColumn('number', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    /** JSON: [{ name, accountId|null }]. */
    .addColumn('proposers', 'text', (c) => c.notNull())
    /** Local date the proposal was filed (提交日期). */
    .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('is_key', 'integer', (c) => c.notNull())
    .addColumn('leader_id', 'varchar(36)')
    .addColumn('leader_name', 'varchar(50)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('reply_deadline', 'varchar(10)')
    /** The ProposalState as JSON, derived from the action list. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposals_number').on('proposals').columns(['district_code', 'number']).unique().execute();
  await db.schema.createIndex('proposals_year_seq').on('proposals').columns(['district_code', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('proposals_leader').on('proposals').columns(['leader_id']).execute();

  // The units a proposal is assigned to, rewritten on each assignment: what data scope filters on.
  await db.schema
    .createTable('proposal_handlers')
    .addColumn('proposal_id', 'varchar(36)', (c) => c.notNull().references('proposals.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(100)', (c) => c.notNull())
    /** 'main' (主办) or 'assisting' (协办). */
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_handlers_pk', ['proposal_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('proposal_handlers_path').on('proposal_handlers').columns(['unit_path', 'proposal_id']).execute();

  await db.schema
    .createTable('proposal_actions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('proposal_id', 'varchar(36)', (c) => c.notNull().references('proposals.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(50)', (c) => c.notNull())
    /** JSON: what the action carried (reply text, deadline, evidence file ids …). */
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  // Two writers of the same version collide here: one wins, the other answers 409.
  await db.schema.createIndex('proposal_actions_seq').on('proposal_actions').columns(['proposal_id', 'seq']).unique().execute();

  await db.schema
    .createTable('supervisor_assignments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('supervisor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('supervisor_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('term_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('term_end', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervisor_assignments_supervisor').on('supervisor_assignments').columns(['supervisor_id', 'term_start']).execute();

  await db.schema
    .createTable('supervisor_visits')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('assignment_id', 'varchar(36)', (c) => c.notNull().references('supervisor_assignments.id'))
    .addColumn('supervisor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('visited_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervisor_visits_assignment').on('supervisor_visits').columns(['assignment_id', 'visited_on']).execute();

  await db.schema
    .createTable('supervisor_opinions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('assignment_id', 'varchar(36)', (c) => c.notNull().references('supervisor_assignments.id'))
    .addColumn('visit_id', 'varchar(36)')
    .addColumn('supervisor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_on', 'varchar(10)', (c) => c.notNull())
    /** recorded → open (tracked) → answered → done; answered may go back to open. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'varchar(36)')
    .addColumn('responsible_unit_path', 'varchar(400)')
    .addColumn('responsible_unit_name', 'varchar(100)')
    .addColumn('deadline', 'varchar(10)')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'varchar(30)')
    .addColumn('replied_by', 'varchar(50)')
    .addColumn('closed_on', 'varchar(10)')
    /** JSON: [{ at, by, type, text }] — the item's own history. */
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervisor_opinions_assignment').on('supervisor_opinions').columns(['assignment_id', 'id']).execute();
  await db.schema.createIndex('supervisor_opinions_responsible').on('supervisor_opinions').columns(['responsible_unit_path', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['supervisor_opinions', 'supervisor_visits', 'supervisor_assignments', 'proposal_actions', 'proposal_handlers', 'proposals']) await db.schema.dropTable(t).execute();
}
