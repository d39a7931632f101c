import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { CampaignCaseTable, CampaignTable, CampaignUnitTable } from '../../../kernel/db/schema.js';

export type CampaignRow = CampaignTable;

/** Campaigns, their units and their case links: queries only, no rules. */
export const campaignStore = {
  async byId(ex: Executor, id: string): Promise<CampaignRow | undefined> {
    return ex.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(ex: Executor, row: CampaignRow, units: CampaignUnitTable[]): Promise<void> {
    await ex.insertInto('campaigns').values(row).execute();
    if (units.length) await ex.insertInto('campaign_units').values(units).execute();
  },
  /**
   * The campaigns an actor may read: scope under the actor's (`path`), covering the actor's own place
   * (`ancestors`: the actor's scope path and every path above it), or joined by `unitId`.
   */
  async visible(ex: Executor, districtCode: string, q: { path: string; ancestors: string[]; unitId: string }) {
    return ex
      .selectFrom('campaigns')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where((eb) =>
        eb.or([
          startsWith('scope_path', q.path),
          eb('scope_path', 'in', q.ancestors),
          eb('id', 'in', eb.selectFrom('campaign_units').select('campaign_id').where('unit_id', '=', q.unitId)),
        ]),
      )
      .orderBy('start_day', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  },
  async units(ex: Executor, ids: readonly string[]): Promise<CampaignUnitTable[]> {
    if (ids.length === 0) return [];
    return ex.selectFrom('campaign_units').selectAll().where('campaign_id', 'in', ids).execute();
  },
  async cases(ex: Executor, campaignId: string): Promise<CampaignCaseTable[]> {
    return ex
      .selectFrom('campaign_cases')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('linked_at')
      .execute();
  },
  async caseCounts(ex: Executor, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .selectFrom('campaign_cases')
      .select(['campaign_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute();
    return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
  },
  /** Adds a link; false when the case was already linked. */
  async linkCase(ex: Executor, row: CampaignCaseTable): Promise<boolean> {
    const r = await ex
      .insertInto('campaign_cases')
      .values(row)
      .onConflict((oc) => oc.columns(['campaign_id', 'case_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  /** Campaigns whose window starts in [firstDay, lastDay] with a scope under `path` (活动场次). */
  async startingIn(ex: Executor, q: { districtCode: string; path: string; firstDay: string; lastDay: string }) {
    return ex
      .selectFrom('campaigns')
      .select(['id', 'title', 'start_day', 'categories', 'scope_path'])
      .where('district_code', '=', q.districtCode)
      .where('start_day', '>=', q.firstDay)
      .where('start_day', '<=', q.lastDay)
      .where(startsWith('scope_path', q.path))
      .orderBy('start_day')
      .orderBy('id')
      .execute();
  },
};
