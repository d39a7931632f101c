import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// "五星"支部 (SPEC §9, issue 14), the shared ground of the module: the star sets (one JSON definition
// per version and kind of branch: the province revises them, a quarter is rated on the version in
// force), the computed rates of each branch and quarter (kept, so a ranking of 20,000 branches reads
// rows instead of recomputing every rate), and the evidence a branch shows for a star's indicators.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('star_sets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 'village' (行政村) or 'urban' (城市社区).
    .addColumn('branch_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // The first quarter rated on it, 'YYYY-Qn'.
    .addColumn('effective_from', 'varchar(7)', (c) => c.notNull())
    // JSON StarDefinition[] (contracts/stars.ts).
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('star_sets_version', ['district_code', 'branch_kind', 'version'])
    .execute();

  await db.schema
    .createTable('star_rate_values')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
    // The rate's code, e.g. 'cases.closureRate'.
    .addColumn('source', 'varchar(60)', (c) => c.notNull())
    .addColumn('numerator', 'double precision', (c) => c.notNull())
    // 0 when there was nothing to measure (shown as such, never as full marks).
    .addColumn('denominator', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_rate_values_pk', ['branch_id', 'quarter', 'source'])
    .execute();
  await db.schema
    .createIndex('star_rate_values_quarter')
    .on('star_rate_values')
    .columns(['district_code', 'quarter', 'source'])
    .execute();

  await db.schema
    .createTable('star_evidence')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
    .addColumn('star_key', 'varchar(32)', (c) => c.notNull())
    // null: evidence for the star as a whole.
    .addColumn('indicator_key', 'varchar(32)')
    .addColumn('file_id', 'varchar(36)')
    .addColumn('note', 'text')
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('star_evidence_branch')
    .on('star_evidence')
    .columns(['branch_id', 'quarter', 'star_key'])
    .execute();
  await db.schema.createIndex('star_evidence_file').on('star_evidence').column('file_id').execute();
}
