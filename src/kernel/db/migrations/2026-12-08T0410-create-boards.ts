import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 宣传阵地 (issue 13 item 5): the register of publicity boards (宣传栏 / 公益广告 / 墙绘) with place,
// photo and state, and every change of state (who, when, photo), a replacement flagged so that
// "更换宣传牌数" counts from the history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('boards')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // 'board' (宣传栏) | 'psa' (公益广告) | 'mural' (墙绘).
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // The unit it stands in (a grid when placed by a point); its path is the data scope.
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('address', 'varchar(200)')
    // 'good' (完好) | 'damaged' (破损) | 'to_replace' (待更换) | 'removed' (已拆除).
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('photo_id', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('boards_scope').on('boards').columns(['district_code', 'unit_path']).execute();

  await db.schema
    .createTable('board_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('board_id', 'varchar(36)', (c) => c.notNull().references('boards.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // The board's unit path when it happened: counted under that unit (follows unit moves).
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    // null for the registration.
    .addColumn('from_state', 'varchar(12)')
    .addColumn('to_state', 'varchar(12)', (c) => c.notNull())
    .addColumn('photo_id', 'varchar(36)')
    .addColumn('note', 'varchar(500)')
    // 1 when the board was replaced (set to 完好 with a new photo).
    .addColumn('replaced', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_events_board').on('board_events').columns(['board_id', 'at']).execute();
  await db.schema
    .createIndex('board_events_replaced')
    .on('board_events')
    .columns(['district_code', 'replaced', 'at'])
    .execute();
  await db.schema.createIndex('board_events_photo').on('board_events').column('photo_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('board_events').execute();
  await db.schema.dropTable('boards').execute();
}
