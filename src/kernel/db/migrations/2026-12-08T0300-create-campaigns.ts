import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 集中整治 / 专项行动 and 工作量指标 (SPEC §4, issue 13 items 4–6): campaigns with their units and linked
// ledger cases (links, not copies), the district's work indicators, their entries (one row per counted
// event or day, at the unit where it was recorded: sums roll entries up the tree, so nothing counts
// twice), and targets per indicator, unit and period.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('title', 'varchar(60)', (c) => c.notNull())
    // 'concentrated' (集中整治) or 'special' (专项行动).
    .addColumn('kind', 'varchar(14)', (c) => c.notNull())
    .addColumn('scope_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('scope_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('start_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_day', 'varchar(10)', (c) => c.notNull())
    // JSON array of ledger category codes (2-digit 大类 or 4-digit 小类).
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('volunteer_count', 'integer', (c) => c.notNull())
    // JSON array of names.
    .addColumn('volunteer_names', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaigns_scope')
    .on('campaigns')
    .columns(['district_code', 'start_day', 'scope_path'])
    .execute();

  await db.schema
    .createTable('campaign_units')
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    // 'participant' (参与单位) or 'paired' (包联单位).
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_units_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('campaign_units_unit').on('campaign_units').columns(['unit_id', 'campaign_id']).execute();

  await db.schema
    .createTable('campaign_cases')
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('campaigns.id'))
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('linked_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('linked_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_cases_pk', ['campaign_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('measure_unit', 'varchar(10)', (c) => c.notNull())
    // 'entered' or 'computed'.
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    // A computed indicator's figure source code (reportFigures), e.g. 'cases.closed'.
    .addColumn('source', 'varchar(60)')
    // JSON array of ledger category codes the source is asked to keep to.
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('phrase', 'varchar(30)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('indicators_name')
    .on('indicators')
    .columns(['district_code', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('indicator_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('indicator_id', 'varchar(36)', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('campaign_id', 'varchar(36)')
    .addColumn('note', 'varchar(200)')
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('recorded_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Sums: an indicator's entries over days, grouped by the unit path they were recorded at (covering).
  await db.schema
    .createIndex('indicator_entries_sums')
    .on('indicator_entries')
    .columns(['district_code', 'indicator_id', 'day', 'unit_path', 'quantity'])
    .execute();
  await db.schema
    .createIndex('indicator_entries_campaign')
    .on('indicator_entries')
    .columns(['campaign_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('indicator_id', 'varchar(36)', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    // '2026', '2026-Q4' or '2026-12'.
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    // 'at_least' or 'above_references'.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    // JSON array of { label, value }.
    .addColumn('reference_values', 'text', (c) => c.notNull())
    // An actual entered directly; null: the indicator's sum.
    .addColumn('actual', 'double precision')
    .addColumn('updated_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('indicator_targets_key')
    .on('indicator_targets')
    .columns(['indicator_id', 'unit_id', 'period'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['indicator_targets', 'indicator_entries', 'indicators', 'campaign_cases', 'campaign_units', 'campaigns'])
    await db.schema.dropTable(t).execute();
}
