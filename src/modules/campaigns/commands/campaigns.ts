import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { DomainError, Forbidden } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { CampaignBody, type CampaignDetail, type CampaignListQuery } from '../../../contracts/campaigns.js';
import { caseRefs, visibleCaseRef } from '../../cases/index.js';
import type { CampaignsDeps } from '../deps.js';
import { caseInScope, checkCampaign } from '../domain/campaign-rules.js';
import { campaignStore, type CampaignRow } from '../store/campaign.store.js';
import { indicatorStore } from '../store/indicator.store.js';
import { fieldProblem, unitInScope } from './access.js';
import { managesCampaign, pathsCovering, visibleCampaign } from './campaign-access.js';

const DISPATCH_KINDS = new Set(['department', 'outside_unit', 'subdistrict', 'community', 'village']);

/**
 * Opens a campaign (集中整治 / 专项行动) for a unit in scope: its window, the units taking part and the
 * 包联 units (departments and outside units such as 电信 / 联通 / 移动 / 供电, or 街道 and 社区), its
 * volunteers and ledger categories.
 */
export async function openCampaign(
  deps: CampaignsDeps,
  actor: Actor,
  input: CampaignBody,
  requestId?: string,
): Promise<CampaignRow> {
  authorize(actor, 'campaign.manage');
  const body = CampaignBody.parse(input);
  const now = deps.clock.now();
  const db = deps.database.db;
  const scope = await unitInScope(deps, db, actor, body.scopeUnitId, 'scopeUnitId');
  const issue = checkCampaign(body);
  if (issue) throw fieldProblem(issue.field, issue.code, issue.params);
  const units = await deps.org.unitsByIds(
    db,
    body.units.map((u) => u.unitId),
  );
  for (const [i, u] of body.units.entries()) {
    const unit = units.get(u.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || unit.status !== 'active' || !DISPATCH_KINDS.has(unit.kind))
      throw fieldProblem(`units[${i}].unitId`, 'campaign.unit_unknown');
  }
  return db.transaction().execute(async (trx) => {
    const row: CampaignRow = {
      id: newId(now.getTime()),
      district_code: actor.districtCode,
      title: body.title,
      kind: body.kind,
      scope_unit_id: scope.id,
      scope_path: scope.path,
      start_day: body.startDay,
      end_day: body.endDay,
      categories: JSON.stringify([...new Set(body.categories)]),
      volunteer_count: Math.max(body.volunteerCount, body.volunteerNames.length),
      volunteer_names: JSON.stringify(body.volunteerNames),
      note: body.note || null,
      created_by: actor.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await campaignStore.insert(
      trx,
      row,
      body.units.map((u) => ({ campaign_id: row.id, unit_id: u.unitId, role: u.role })),
    );
    await recordAudit(trx, {
      actor,
      at: now,
      action: 'campaign.open',
      entityType: 'campaign',
      entityId: row.id,
      summary: `${scope.name}开展“${row.title}”（${row.start_day} 至 ${row.end_day}）`,
      after: { units: body.units, categories: body.categories, volunteerCount: row.volunteer_count },
      requestId,
    });
    return row;
  });
}

/** The campaigns the actor may read, newest first, with their scope's name and linked cases' count. */
export async function listCampaigns(deps: CampaignsDeps, actor: Actor, query: CampaignListQuery = {}) {
  authorize(actor, 'campaign.read');
  const db = deps.database.db;
  let under: string | null = null;
  if (query.unitId) {
    const unit = await deps.org.unit(db, query.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'campaign.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'campaign.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    under = unit.path;
  }
  // The area and days narrow what the caller sees as the measure 集中整治场次 counts: scope unit in the
  // area, window starting in the days.
  const rows = (
    await campaignStore.visible(db, actor.districtCode, {
      path: actor.scopePath,
      ancestors: pathsCovering(actor),
      unitId: actor.unitId,
    })
  ).filter(
    (r) =>
      (under === null || r.scope_path.startsWith(under)) &&
      (!query.from || r.start_day >= query.from) &&
      (!query.to || r.start_day <= query.to),
  );
  const [scopes, counts] = await Promise.all([
    deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.scope_unit_id))]),
    campaignStore.caseCounts(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => summaryOf(r, scopes.get(r.scope_unit_id)?.name ?? '', counts.get(r.id) ?? 0));
}

const summaryOf = (r: CampaignRow, scopeUnitName: string, caseCount: number) => ({
  id: r.id,
  title: r.title,
  kind: r.kind as 'concentrated' | 'special',
  scopeUnitId: r.scope_unit_id,
  scopeUnitName,
  startDay: r.start_day,
  endDay: r.end_day,
  categories: JSON.parse(r.categories) as string[],
  volunteerCount: r.volunteer_count,
  caseCount,
});

/** One campaign with its units, linked cases (read through the ledger, not copied) and measured quantities. */
export async function getCampaign(deps: CampaignsDeps, actor: Actor, id: string): Promise<CampaignDetail> {
  authorize(actor, 'campaign.read');
  const db = deps.database.db;
  const c = await visibleCampaign(db, actor, id);
  const [units, links, quantities, indicators] = await Promise.all([
    campaignStore.units(db, [c.id]),
    campaignStore.cases(db, c.id),
    indicatorStore.campaignQuantities(db, c.id),
    indicatorStore.list(db, c.district_code),
  ]);
  const names = await deps.org.unitsByIds(db, [c.scope_unit_id, ...units.map((u) => u.unit_id)]);
  const cases = new Map(
    (
      await caseRefs(
        db,
        links.map((l) => l.case_id),
      )
    ).map((r) => [r.id, r]),
  );
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return {
    ...summaryOf(c, names.get(c.scope_unit_id)?.name ?? '', links.length),
    note: c.note,
    volunteerNames: JSON.parse(c.volunteer_names) as string[],
    units: units
      .map((u) => ({
        unitId: u.unit_id,
        unitName: names.get(u.unit_id)?.name ?? '',
        role: u.role as 'participant' | 'paired',
      }))
      .sort((a, b) => a.role.localeCompare(b.role) || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    cases: links.flatMap((l) => {
      const r = cases.get(l.case_id);
      return r
        ? [
            {
              id: r.id,
              caseNumber: r.caseNumber,
              categoryCode: r.categoryCode,
              description: r.description,
              status: r.status,
              closed: r.status === 'closed',
              linkedAt: l.linked_at,
            },
          ]
        : [];
    }),
    quantities: quantities
      .map((q) => ({
        indicatorId: q.indicatorId,
        name: byId.get(q.indicatorId)?.name ?? '',
        measureUnit: byId.get(q.indicatorId)?.measure_unit ?? '',
        total: Math.round(q.total * 100) / 100,
        entries: q.entries,
        order: byId.get(q.indicatorId)?.sort_order ?? 0,
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _o, ...q }) => q),
    canManage: managesCampaign(actor, c),
  };
}

/**
 * Links a ledger case to a campaign's results (the case stays where it is; the link is all that is
 * written). Refused, naming `caseId`, for a case the caller cannot see or one outside the campaign's scope.
 */
export async function linkCase(
  deps: CampaignsDeps,
  actor: Actor,
  id: string,
  caseId: string,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'campaign.manage');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const c = await visibleCampaign(trx, actor, id);
    if (!managesCampaign(actor, c))
      throw new Forbidden('campaign.not_manager', 'only a campaign manager whose scope holds the campaign may');
    const ref = await visibleCaseRef(trx, actor, caseId);
    if (!ref) throw fieldProblem('caseId', 'campaign.case_unknown');
    if (!caseInScope(c.scope_path, ref.gridPath)) throw fieldProblem('caseId', 'campaign.case_outside_scope');
    const added = await campaignStore.linkCase(trx, {
      campaign_id: c.id,
      case_id: ref.id,
      linked_by: actor.accountId,
      linked_at: now.toISOString(),
    });
    if (added)
      await recordAudit(trx, {
        actor,
        at: now,
        action: 'campaign.link_case',
        entityType: 'campaign',
        entityId: c.id,
        summary: `“${c.title}”关联问题 ${ref.caseNumber}`,
        after: { caseId: ref.id },
        requestId,
      });
  });
}
