import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.js';
import type { AnswerBody, CheckListQuery } from '../../../contracts/screening.js';
import { CHECK_STATUS_NAMES } from '../../../contracts/screening.js';
import { notify } from '../../inbox/index.js';
import type { ScreeningDeps } from '../deps.js';
import { screeningStore, type CheckRow } from '../store/screening.store.js';
import { fieldsOf, requireOpen, visibleCampaign } from './campaign-access.js';
import { checkedValues, placePerson, recordReport, type PlacedPerson } from './entries.js';
import { checkViews } from './views.js';

const COMMUNITY_KINDS = new Set(['community', 'village']);

/** A 协查 item owned by a unit in the actor's scope, or 404. */
async function checkInScope(ex: Executor, actor: Actor, id: string): Promise<CheckRow> {
  const c = await screeningStore.check(ex, id);
  if (!c || c.district_code !== actor.districtCode || !inScope(actor, c.owner_path))
    throw new NotFound('screening_check', id);
  return c;
}

/** The 协查 queue of a campaign: items owned by units in scope (or a unit's subtree), pending and soonest due first. */
export async function listChecks(deps: ScreeningDeps, actor: Actor, campaignId: string, q: CheckListQuery) {
  authorize(actor, 'screening.read');
  const db = deps.database.db;
  await visibleCampaign(db, actor, campaignId);
  let scopePath = actor.scopePath;
  if (q.unitId) {
    const u = await deps.org.unit(db, q.unitId);
    if (!u || !inScope(actor, u.path)) throw new NotFound('unit', q.unitId);
    scopePath = u.path;
  }
  const page = await screeningStore.checkPage(db, {
    campaignId,
    scopePath,
    ...(q.status ? { status: q.status } : {}),
    ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
    now: deps.clock.now().toISOString(),
    offset: q.offset ?? 0,
    limit: q.limit ?? 50,
  });
  return { items: await checkViews(deps, db, page.rows), total: page.total };
}

/**
 * The owning unit answers an item: 已找到 (the person goes on the campaign's list, or the owner is
 * attached to the entry already holding the ID number), 未找到, 不在本区 or 已离开, with a note. Once
 * only; a late answer is kept and stays 已超时.
 */
export async function answerCheck(deps: ScreeningDeps, actor: Actor, id: string, body: AnswerBody, requestId?: string) {
  authorize(actor, 'screening.write');
  const db = deps.database.db;
  const item = await checkInScope(db, actor, id);
  const campaign = await visibleCampaign(db, actor, item.campaign_id);
  requireOpen(campaign);
  if (item.status !== 'pending') throw answered(item);
  let place: PlacedPerson | null = null;
  let values: Record<string, string> = {};
  if (body.status === 'found') {
    // The list above did not carry the campaign's fields: none is required of an answer.
    values = checkedValues(
      fieldsOf(campaign).map((f) => ({ ...f, required: false })),
      body.values ?? {},
    );
    place = await placePerson(deps, actor, campaign, item.id_number, body);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    let entryId: string | null = null;
    if (place) {
      const r = await recordReport(
        trx,
        actor,
        campaign,
        {
          name: item.name,
          idNumber: item.id_number,
          phone: item.phone,
          address: body.address ?? item.address,
          values,
          source: 'pushed',
          place,
          unit: { id: item.owner_unit_id, path: item.owner_path },
        },
        at,
      );
      entryId = r.entryId;
    }
    const n = await screeningStore.updateCheck(
      trx,
      id,
      {
        status: body.status,
        answered_at: at,
        answered_by: actor.accountId,
        answer_note: body.note ?? null,
        entry_id: entryId,
      },
      'pending',
    );
    if (n !== 1) throw answered(item);
    await recordAudit(trx, {
      actor,
      action: 'screening.check_answer',
      entityType: 'screening_check',
      entityId: id,
      summary: `协查答复：${item.name} ${CHECK_STATUS_NAMES[body.status]}${body.note ? `（${body.note}）` : ''}`,
      requestId,
      at: now,
    });
  });
  return (await checkViews(deps, db, [(await screeningStore.check(db, id))!]))[0]!;
}

function answered(item: CheckRow) {
  return new Conflict('screening.check_answered', `already answered: ${item.status}`, [
    { field: 'status', code: 'screening.check_answered', message: 'already answered' },
  ]);
}

/**
 * Routes an unanswered item by hand to a community in the campaign and in the caller's scope (a
 * sub-district sends what could not be routed to the community that owns the person). The due time
 * stays: 24 hours from the push.
 */
export async function rerouteCheck(deps: ScreeningDeps, actor: Actor, id: string, unitId: string, requestId?: string) {
  authorize(actor, 'screening.manage');
  const db = deps.database.db;
  const item = await checkInScope(db, actor, id);
  const campaign = await visibleCampaign(db, actor, item.campaign_id);
  requireOpen(campaign);
  if (item.status !== 'pending') throw answered(item);
  const unit = await deps.org.unit(db, unitId);
  if (
    !unit ||
    unit.status !== 'active' ||
    !COMMUNITY_KINDS.has(unit.kind) ||
    !inScope(actor, unit.path) ||
    !unit.path.startsWith(campaign.scope_path)
  )
    throw new Invalid('screening.route_unusable', 'not a community of the campaign in your scope', [
      { field: 'unitId', code: 'screening.route_unusable', message: 'not a community of the campaign in your scope' },
    ]);
  const addressees = (await deps.org.accountsCovering(db, unit.path, ['community_worker']))
    .filter((a) => a.unitId === unit.id)
    .map((a) => a.id);
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    const n = await screeningStore.updateCheck(
      trx,
      id,
      { owner_unit_id: unit.id, owner_path: unit.path, routed_by: 'manual' },
      'pending',
    );
    if (n !== 1) throw answered(item);
    await notify(trx, {
      accountIds: addressees,
      districtCode: campaign.district_code,
      kind: 'screening.check_routed',
      title: `【协查】${campaign.name}：${item.name} 待核查`,
      body: `街道分派一条协查，请在时限内答复。`,
      entityType: 'screening_campaign',
      entityId: campaign.id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'screening.check_route',
      entityType: 'screening_check',
      entityId: id,
      summary: `协查分派：${item.name} 分派至 ${unit.name}`,
      requestId,
      at: now,
    });
  });
  return (await checkViews(deps, db, [(await screeningStore.check(db, id))!]))[0]!;
}
