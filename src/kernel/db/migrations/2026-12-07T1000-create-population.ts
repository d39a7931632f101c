import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// People and places on the grid (SPEC §6, GB/T 34300's 人 and 地): buildings, households and residents
// on the smallest grid, the district's resident tags, merge reviews (a second entry with the same ID
// number and another name), a resident's history, and door-knocking rounds with their visits and the
// per-household state of each round (the roll-up coverage is counted from).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pop_buildings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pop_buildings_grid').on('pop_buildings').columns(['grid_path', 'name']).execute();

  await db.schema
    .createTable('pop_households')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('building_id', 'varchar(36)')
    // 门牌: the address as written on the door.
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    // 'active', or 'retired' (the dwelling is gone): retired households leave the coverage.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // A grid's households in address order (the phone's list), and counts per grid (coverage).
  await db.schema
    .createIndex('pop_households_grid')
    .on('pop_households')
    .columns(['grid_id', 'status', 'address'])
    .execute();
  await db.schema.createIndex('pop_households_path').on('pop_households').columns(['grid_path', 'status']).execute();
  await db.schema.createIndex('pop_households_building').on('pop_households').column('building_id').execute();

  await db.schema
    .createTable('pop_residents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 公民身份号码 (GB 11643), upper-case X; null for a person whose number is not known yet.
    .addColumn('id_number', 'varchar(18)')
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('sex', 'varchar(6)')
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('household_id', 'varchar(36)')
    .addColumn('relation', 'varchar(12)')
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('residence_kind', 'varchar(12)', (c) => c.notNull())
    // The tag codes as a JSON array.
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One person, one record across the district (NULLs are distinct on both databases).
  await db.schema
    .createIndex('pop_residents_id_number')
    .on('pop_residents')
    .columns(['district_code', 'id_number'])
    .unique()
    .execute();
  await db.schema.createIndex('pop_residents_household').on('pop_residents').columns(['household_id']).execute();
  await db.schema.createIndex('pop_residents_path').on('pop_residents').columns(['grid_path', 'name']).execute();

  await db.schema
    .createTable('pop_resident_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('resident_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    // registered / moved / merged / review_decided / status / visit.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('household_id', 'varchar(36)')
    .addColumn('household_address', 'varchar(200)')
    .addColumn('detail', 'varchar(500)')
    .addColumn('by_id', 'varchar(36)')
    .addColumn('by_name', 'varchar(100)')
    .execute();
  await db.schema
    .createIndex('pop_resident_events_resident')
    .on('pop_resident_events')
    .columns(['resident_id', 'at'])
    .execute();

  await db.schema
    .createTable('pop_merge_reviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('resident_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('proposed_name', 'varchar(50)', (c) => c.notNull())
    // The second entry as given (JSON), applied when the review is decided.
    .addColumn('entry', 'text', (c) => c.notNull())
    // Who may decide: accounts whose scope covers the entry's grid or the record's.
    .addColumn('entry_grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('resident_grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('kept', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by_name', 'varchar(100)')
    .addColumn('decided_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('pop_merge_reviews_status')
    .on('pop_merge_reviews')
    .columns(['district_code', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('pop_tags')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('code', 'varchar(30)', (c) => c.notNull())
    .addColumn('name', 'varchar(20)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pop_tags_pk', ['district_code', 'code'])
    .execute();

  await db.schema
    .createTable('pop_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('scope_path', 'varchar(400)', (c) => c.notNull())
    // Asia/Shanghai calendar days, both included.
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pop_rounds_district').on('pop_rounds').columns(['district_code', 'starts_on']).execute();

  await db.schema
    .createTable('pop_visits')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('result', 'varchar(10)', (c) => c.notNull())
    .addColumn('visited_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('visitor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('visitor_name', 'varchar(100)', (c) => c.notNull())
    // JSON arrays: ids of residents at home; names of people added and gone; photo file ids.
    .addColumn('present', 'text', (c) => c.notNull())
    .addColumn('added', 'text', (c) => c.notNull())
    .addColumn('gone', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pop_visits_round')
    .on('pop_visits')
    .columns(['round_id', 'household_id', 'visited_at'])
    .execute();
  await db.schema.createIndex('pop_visits_grid').on('pop_visits').columns(['round_id', 'grid_id', 'visited_at']).execute();

  // A household's state in a round, kept with every visit: what coverage counts.
  await db.schema
    .createTable('pop_round_households')
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    // 1 while every visit so far found nobody in.
    .addColumn('absent_only', 'integer', (c) => c.notNull())
    .addColumn('last_result', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_visited_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('pop_round_households_pk', ['round_id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('pop_round_households_grid')
    .on('pop_round_households')
    .columns(['round_id', 'grid_id', 'verified', 'absent_only'])
    .execute();

  await db.schema
    .createTable('pop_visit_files')
    .addColumn('file_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('visit_id', 'varchar(36)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'pop_visit_files',
    'pop_round_households',
    'pop_visits',
    'pop_rounds',
    'pop_tags',
    'pop_merge_reviews',
    'pop_resident_events',
    'pop_residents',
    'pop_households',
    'pop_buildings',
  ])
    await db.schema.dropTable(t).execute();
}
