import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { newId } from '../../../kernel/ids.js';
import type { EntryBody } from '../../../contracts/campaigns.js';
import type { CampaignsDeps } from '../deps.js';
import { checkEntry } from '../domain/campaign-rules.js';
import { campaignStore } from '../store/campaign.store.js';
import { indicatorStore, type EntryRow } from '../store/indicator.store.js';
import { fieldProblem } from './access.js';
import { campaignVisibleTo } from './campaign-access.js';
import { indicatorOf } from './indicators.js';

export const ENTRY_OPERATION = 'indicators.entry';

/**
 * Records one quantity of an entered indicator (录入工作量) at a unit on a day, optionally as a
 * campaign's result. The unit lies in the caller's scope — or, for a 包联 unit entering what it did in
 * a campaign it joins, in the campaign's scope. Refused with the field named and nothing written: the
 * wrong unit of measure, a quantity ≤ 0, a unit outside scope, a day outside the campaign's window. A
 * phone resending from its outbox with the same Idempotency-Key gets the first entry back.
 */
export async function recordEntry(
  deps: CampaignsDeps,
  actor: Actor,
  body: EntryBody,
  opts: { idempotency?: IdempotencyClaim } = {},
): Promise<{ entry: EntryRow; replayed: boolean }> {
  authorize(actor, 'indicator.enter');
  const now = deps.clock.now();
  const today = localDateOf(now);
  const day = body.day ?? today;
  return deps.database.db.transaction().execute(async (trx) => {
    const indicator = await indicatorOf(deps, actor, body.indicatorId, 'indicatorId', trx);
    const campaign = body.campaignId ? await campaignStore.byId(trx, body.campaignId) : undefined;
    if (body.campaignId && (!campaign || !(await campaignVisibleTo(trx, actor, campaign))))
      throw fieldProblem('campaignId', 'entry.campaign_unknown');
    const unit = await deps.org.unit(trx, body.unitId ?? actor.unitId);
    const joins = campaign
      ? (await campaignStore.units(trx, [campaign.id])).some((u) => u.unit_id === actor.unitId)
      : false;
    if (
      !unit ||
      unit.districtCode !== actor.districtCode ||
      !(inScope(actor, unit.path) || (joins && unit.path.startsWith(campaign!.scope_path)))
    )
      throw fieldProblem('unitId', 'indicator.unit_out_of_scope');
    const problem = checkEntry({
      indicator: { kind: indicator.kind, measureUnit: indicator.measure_unit, active: indicator.active === 1 },
      measureUnit: body.measureUnit,
      quantity: body.quantity,
      day,
      today,
      campaign: campaign
        ? { startDay: campaign.start_day, endDay: campaign.end_day, scopePath: campaign.scope_path }
        : null,
      unitPath: unit.path,
    });
    if (problem) throw fieldProblem(problem.field, problem.code, problem.params);
    const id = newId(now.getTime());
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, ENTRY_OPERATION, opts.idempotency, id, now);
      if (prior) return { entry: (await indicatorStore.entryById(trx, prior))!, replayed: true };
    }
    const entry: EntryRow = {
      id,
      district_code: actor.districtCode,
      indicator_id: indicator.id,
      unit_id: unit.id,
      unit_path: unit.path,
      day,
      quantity: body.quantity,
      campaign_id: campaign?.id ?? null,
      note: body.note || null,
      recorded_by: actor.accountId,
      recorded_by_name: actor.displayName,
      recorded_at: now.toISOString(),
    };
    await indicatorStore.insertEntry(trx, entry);
    return { entry, replayed: false };
  });
}
