import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// Reporting's completeness counts the reporting units of a kind alive throughout a range per parent
// (org's lifeSpansUnder) and lists the few born or retired inside it. The kind index finds the units
// but reads each unit's row (100,000 large grids in bench/insights-units); with the columns those
// queries read in the index they are answered from the index alone, in parent order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('units_life_spans')
    .on('units')
    .columns(['district_code', 'kind', 'parent_id', 'created_at', 'retired_at', 'path', 'id'])
    .execute();
}
