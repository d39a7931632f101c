import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CampaignBody } from '../../../contracts/screening.js';
import type { ScreeningDeps } from '../deps.js';
import { checkFieldDefs } from '../domain/fields.js';
import { screeningStore } from '../store/screening.store.js';
import { managedCampaign, requireOpen } from './campaign-access.js';

/** Units a list campaign may cover: the district, a sub-district (or township), a community (or village). */
const SCOPE_KINDS = new Set(['district', 'subdistrict', 'township', 'community', 'village']);

/**
 * Opens a list campaign (e.g. 返乡人员排查) for a unit in scope, with a window and its own fields.
 * Refused, naming the field: a unit out of scope or of another kind, a window ending before it starts,
 * repeated field keys or labels, a choice field without options.
 */
export async function openCampaign(deps: ScreeningDeps, actor: Actor, body: CampaignBody, requestId?: string) {
  authorize(actor, 'screening.manage');
  const db = deps.database.db;
  const unit = await deps.org.unit(db, body.scopeUnitId);
  if (!unit || unit.status !== 'active' || !SCOPE_KINDS.has(unit.kind) || !inScope(actor, unit.path))
    throw new Invalid('screening.scope_unusable', 'not a district, sub-district or community in your scope', [
      {
        field: 'scopeUnitId',
        code: 'screening.scope_unusable',
        message: 'not a district, sub-district or community in your scope',
      },
    ]);
  if (body.endsOn < body.startsOn)
    throw new Invalid('screening.window_reversed', 'the window ends before it starts', [
      { field: 'endsOn', code: 'screening.window_reversed', message: 'the window ends before it starts' },
    ]);
  const problems = checkFieldDefs(body.fields);
  if (problems.length)
    throw new Invalid(
      'screening.fields_invalid',
      'the fields are not usable',
      problems.map((p) => ({ field: `fields[${p.index}]`, code: p.code, message: p.code })),
    );
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await screeningStore.insertCampaign(trx, {
      id,
      district_code: actor.districtCode,
      name: body.name,
      scope_unit_id: unit.id,
      scope_path: unit.path,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      fields: JSON.stringify(body.fields),
      status: 'open',
      created_by: actor.accountId,
      created_at: now.toISOString(),
      closed_at: null,
      purged_at: null,
      purge_record: null,
      purge_signature: null,
    });
    await recordAudit(trx, {
      actor,
      action: 'screening.campaign_open',
      entityType: 'screening_campaign',
      entityId: id,
      summary: `开启排查名单「${body.name}」，范围 ${unit.name}，${body.startsOn} 至 ${body.endsOn}`,
      after: body,
      requestId,
      at: now,
    });
  });
  return id;
}

/** Closes an open campaign: no more entries or answers; its data stays until purged. */
export async function closeCampaign(deps: ScreeningDeps, actor: Actor, id: string, requestId?: string) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const c = await managedCampaign(trx, actor, id);
    requireOpen(c);
    await screeningStore.updateCampaign(trx, id, { status: 'closed', closed_at: now.toISOString() }, 'open');
    await recordAudit(trx, {
      actor,
      action: 'screening.campaign_close',
      entityType: 'screening_campaign',
      entityId: id,
      summary: `结束排查名单「${c.name}」`,
      requestId,
      at: now,
    });
  });
}
