import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import { campaignStore, type CampaignRow } from '../store/campaign.store.js';

/** The paths above and at the actor's scope: a campaign scoped to one of them covers the actor's place. */
export function pathsCovering(actor: Actor): string[] {
  const ids = actor.scopePath.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/**
 * May the actor read the campaign: its scope lies in the actor's, it covers the actor's place (a grid
 * worker sees the 街道's campaign on their grid), or the actor's unit joins it (a 包联 unit).
 */
export async function campaignVisibleTo(ex: Executor, actor: Actor, c: CampaignRow): Promise<boolean> {
  if (c.district_code !== actor.districtCode) return false;
  if (inScope(actor, c.scope_path) || pathsCovering(actor).includes(c.scope_path)) return true;
  return (await campaignStore.units(ex, [c.id])).some((u) => u.unit_id === actor.unitId);
}

/** A campaign the actor may read, or 404. */
export async function visibleCampaign(ex: Executor, actor: Actor, id: string): Promise<CampaignRow> {
  const c = await campaignStore.byId(ex, id);
  if (!c || !(await campaignVisibleTo(ex, actor, c))) throw new NotFound('campaign', id);
  return c;
}

/** May the actor manage it: campaign.manage and the scope in the actor's. */
export function managesCampaign(actor: Actor, c: CampaignRow): boolean {
  return actor.permissions.has('campaign.manage') && inScope(actor, c.scope_path);
}
