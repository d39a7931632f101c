import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// Reporting's completeness needs, per area and period, how many reporting units owe the period. It
// counted the units per parent from the units' index (units_life_spans): at 100,000 large grids a
// district's month took ~150 ms and its year ~600 ms of grouping index entries. Org now keeps those
// counts itself: per kind, area (every strict ancestor of a unit's path) and instant (to a quarter
// hour; on a quarter hour as it is, else the middle of the quarter), the units opened and retired.
// Written with the units in the same transaction (org's unit.store); filled here from the units.
// The units_life_spans index served only the old read and goes; the units retired (few) get their
// own index, as completeness still lists those retired inside a range one by one.
const GRAIN = 900_000;
const kept = (t: string): string => {
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`units: not an instant: ${t}`);
  const q = Math.floor(ms / GRAIN) * GRAIN;
  return new Date(q === ms ? q : q + GRAIN / 2).toISOString();
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_span_counts')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('area_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addColumn('born', 'integer', (c) => c.notNull())
    .addColumn('retired', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_span_counts_pk', ['district_code', 'kind', 'area_path', 'at'])
    .execute();

  const tally = new Map<string, { district_code: string; kind: string; area_path: string; at: string; born: number; retired: number }>();
  const bump = (d: string, kind: string, area: string, at: string, born: number, retired: number) => {
    const k = `${d}\u0000${kind}\u0000${area}\u0000${at}`;
    const r = tally.get(k);
    if (r) {
      r.born += born;
      r.retired += retired;
    } else tally.set(k, { district_code: d, kind, area_path: area, at, born, retired });
  };
  let after = '';
  for (;;) {
    const units: { id: string; district_code: string; kind: string; path: string; created_at: string; retired_at: string | null }[] =
      await db
        .selectFrom('units')
        .select(['id', 'district_code', 'kind', 'path', 'created_at', 'retired_at'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(20_000)
        .execute();
    if (!units.length) break;
    after = units.at(-1)!.id;
    for (const u of units) {
      const born = kept(String(u.created_at));
      const retired = u.retired_at === null ? null : kept(String(u.retired_at));
      for (let j = u.path.indexOf('/', 1); j !== -1 && j < u.path.length - 1; j = u.path.indexOf('/', j + 1)) {
        const area = u.path.slice(0, j + 1);
        bump(u.district_code, u.kind, area, born, 1, 0);
        if (retired !== null) bump(u.district_code, u.kind, area, retired < born ? born : retired, 0, 1);
      }
    }
  }
  const rows = [...tally.values()];
  for (let i = 0; i < rows.length; i += 500)
    await db.insertInto('unit_span_counts').values(rows.slice(i, i + 500)).execute();

  await db.schema.dropIndex('units_life_spans').execute();
  await db.schema
    .createIndex('units_retired')
    .on('units')
    .columns(['district_code', 'kind', 'retired_at'])
    .where('retired_at', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('units_retired').execute();
  await db.schema
    .createIndex('units_life_spans')
    .on('units')
    .columns(['district_code', 'kind', 'parent_id', 'created_at', 'retired_at', 'path', 'id'])
    .execute();
  await db.schema.dropTable('unit_span_counts').execute();
}
