import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 排查名单与24小时协查 (SPEC §6, issue 12 items 4 and 7): list campaigns with their own fields, one entry
// per ID number per campaign (a second unit's report attaches to it), the units that reported each
// entry, and the 协查 items pushed down from above, each owned by a unit and due 24 hours after it
// was pushed. A purge empties a campaign's personal data and keeps counts and a signed record.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scr_campaigns')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('scope_path', 'varchar(400)', (c) => c.notNull())
    // The window, local days (Asia/Shanghai), inclusive.
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    // [{ key, label, type: text|date|choice, required, choices? }] as defined when opened.
    .addColumn('fields', 'text', (c) => c.notNull())
    // 'open', 'closed' or 'purged'.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('purged_at', 'varchar(30)')
    // The purge record (canonical JSON) and its HMAC-SHA256 (hex) under the server secret.
    .addColumn('purge_record', 'text')
    .addColumn('purge_signature', 'varchar(64)')
    .execute();
  await db.schema.createIndex('scr_campaigns_scope').on('scr_campaigns').columns(['district_code', 'scope_path']).execute();

  await db.schema
    .createTable('scr_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('scr_campaigns.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('phone', 'varchar(20)')
    .addColumn('address', 'varchar(200)')
    // The smallest grid the person was placed in (located or chosen): the entry's data scope.
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    // { fieldKey: value } checked against the campaign's fields.
    .addColumn('field_values', 'text', (c) => c.notNull())
    // The first report's source: 'grid' (网格排查), 'door' (敲门发现) or 'pushed' (上级下发).
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    // The population record with the same ID number, when there is one.
    .addColumn('resident_id', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One entry per ID number per campaign: a second report attaches, never a second row.
  await db.schema
    .createIndex('scr_entries_person')
    .on('scr_entries')
    .columns(['campaign_id', 'id_number'])
    .unique()
    .execute();
  await db.schema.createIndex('scr_entries_scope').on('scr_entries').columns(['campaign_id', 'grid_path']).execute();

  await db.schema
    .createTable('scr_entry_reports')
    .addColumn('entry_id', 'varchar(36)', (c) => c.notNull().references('scr_entries.id'))
    // The community (or the unit above it) that reported the person.
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('reported_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('reported_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('scr_entry_reports_pk', ['entry_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('scr_entry_reports_unit').on('scr_entry_reports').columns(['unit_path']).execute();

  await db.schema
    .createTable('scr_checks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('scr_campaigns.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // One pushed-down list (one import): its id, label and the sheet row the item came from.
    .addColumn('batch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('batch_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)', (c) => c.notNull())
    .addColumn('phone', 'varchar(20)')
    .addColumn('address', 'varchar(200)')
    .addColumn('remark', 'varchar(500)')
    // The unit that must check: a community, or the campaign's scope unit until re-routed.
    .addColumn('owner_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_path', 'varchar(400)', (c) => c.notNull())
    // How it was routed: 'household', 'column', 'scope' or 'manual'.
    .addColumn('routed_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('pushed_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('pushed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
    // 'pending', 'found', 'not_found', 'not_in_district' or 'moved_on'.
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('answered_by', 'varchar(36)')
    .addColumn('answer_note', 'varchar(500)')
    .addColumn('entry_id', 'varchar(36)')
    // 0 none, 1 the sub-district told, 2 the district told; raised by the job, never twice.
    .addColumn('escalation', 'integer', (c) => c.notNull())
    .addColumn('escalated_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('scr_checks_campaign').on('scr_checks').columns(['campaign_id', 'owner_path']).execute();
  await db.schema.createIndex('scr_checks_due').on('scr_checks').columns(['status', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['scr_checks', 'scr_entry_reports', 'scr_entries', 'scr_campaigns']) await db.schema.dropTable(t).execute();
}
