import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import type { FieldDef } from '../domain/fields.js';
import { screeningStore, type CampaignRow } from '../store/screening.store.js';

/**
 * Whether an actor sees a campaign: one opened for a unit in their scope, or one covering their unit
 * (a community sees the district's 返乡人员排查 it has to work on).
 */
export function campaignVisible(actor: Actor, c: CampaignRow): boolean {
  return (
    c.district_code === actor.districtCode && (inScope(actor, c.scope_path) || actor.scopePath.startsWith(c.scope_path))
  );
}

/** Whether an actor may manage a campaign: screening.manage and the campaign's scope unit in their scope. */
export function canManage(actor: Actor, c: CampaignRow): boolean {
  return (
    actor.permissions.has('screening.manage') && c.district_code === actor.districtCode && inScope(actor, c.scope_path)
  );
}

/** A campaign the actor sees, or 404. */
export async function visibleCampaign(ex: Executor, actor: Actor, id: string): Promise<CampaignRow> {
  const c = await screeningStore.campaign(ex, id);
  if (!c || !campaignVisible(actor, c)) throw new NotFound('screening_campaign', id);
  return c;
}

/** A campaign the actor manages: 404 when unseen, 403 when it covers them but was opened above them. */
export async function managedCampaign(ex: Executor, actor: Actor, id: string): Promise<CampaignRow> {
  authorize(actor, 'screening.manage');
  const c = await visibleCampaign(ex, actor, id);
  if (!canManage(actor, c))
    throw new Forbidden('screening.campaign_above_you', 'the campaign was opened by a unit above yours');
  return c;
}

/** Refuses a write to a campaign that is no longer open. */
export function requireOpen(c: CampaignRow): void {
  if (c.status !== 'open')
    throw new Conflict('screening.campaign_not_open', `the campaign is ${c.status}`, [
      { field: 'campaignId', code: 'screening.campaign_not_open', message: 'the campaign is not open' },
    ]);
}

export const fieldsOf = (c: CampaignRow): FieldDef[] => JSON.parse(c.fields) as FieldDef[];
