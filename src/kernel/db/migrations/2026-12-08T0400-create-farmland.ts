import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 耕地保护 (issue 13 item 7): farmland and permanent basic farmland parcels imported per village (a
// whole village's parcels replaced at once), each import kept as a row (its id is the lookup index's
// version), and the ledger cases of 违法占用耕地 found inside a parcel, with the district's approval
// that lets such a case be closed as 不予立案.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('farmland_parcels')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull())
    // The village's path: the parcel's data scope; follows unit moves.
    .addColumn('village_path', 'varchar(400)', (c) => c.notNull())
    // 'farmland' (耕地) or 'permanent_basic' (永久基本农田).
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)')
    // Geodesic area on the sphere, m² (亩 = m² × 0.0015 is derived when shown).
    .addColumn('area_m2', 'double precision', (c) => c.notNull())
    // WGS-84 Polygon or MultiPolygon, GeoJSON text.
    .addColumn('geometry', 'text', (c) => c.notNull())
    // 1 when part of the parcel lies outside the village's boundary (kept, flagged).
    .addColumn('outside_village', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'varchar(36)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('farmland_parcels_scope')
    .on('farmland_parcels')
    .columns(['district_code', 'village_path'])
    .execute();
  await db.schema.createIndex('farmland_parcels_village').on('farmland_parcels').column('village_id').execute();

  await db.schema
    .createTable('farmland_imports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('crs', 'varchar(10)', (c) => c.notNull())
    .addColumn('parcels', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('imported_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('farmland_cases')
    .addColumn('case_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(30)', (c) => c.notNull())
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('village_path', 'varchar(400)', (c) => c.notNull())
    // The parcel as found when the case was reported (a later re-import may replace the parcel).
    .addColumn('parcel_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('parcel_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parcel_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('reported_at', 'varchar(30)', (c) => c.notNull())
    // 占用面积 as reported, m²; null until someone reports it.
    .addColumn('occupied_m2', 'double precision')
    // The district's approval to close it as 不予立案.
    .addColumn('approved_by', 'varchar(36)')
    .addColumn('approved_by_name', 'varchar(100)')
    .addColumn('approved_at', 'varchar(30)')
    .addColumn('approval_note', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('farmland_cases_scope')
    .on('farmland_cases')
    .columns(['district_code', 'village_path'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('farmland_cases').execute();
  await db.schema.dropTable('farmland_imports').execute();
  await db.schema.dropTable('farmland_parcels').execute();
}
