import { authorize, authorizeAny, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { Indicator, IndicatorBody } from '../../../contracts/campaigns.js';
import type { CampaignsDeps } from '../deps.js';
import { indicatorStore, type IndicatorRow } from '../store/indicator.store.js';
import { fieldProblem } from './access.js';
import { categoriesOf } from './figure-sources.js';

export function presentIndicator(deps: CampaignsDeps, r: IndicatorRow): Indicator {
  const source = r.source ? deps.figures().find((s) => s.code === r.source) : undefined;
  return {
    id: r.id,
    name: r.name,
    measureUnit: r.measure_unit,
    kind: r.kind as Indicator['kind'],
    source: r.source,
    sourceLabel: source?.label ?? null,
    categories: categoriesOf(r),
    phrase: r.phrase,
    sortOrder: r.sort_order,
    active: r.active === 1,
  };
}

/** The district's indicators, in their order. */
export async function listIndicators(deps: CampaignsDeps, actor: Actor): Promise<Indicator[]> {
  authorizeAny(actor, ['indicator.read', 'indicator.enter', 'indicator.define']);
  return (await indicatorStore.list(deps.database.db, actor.districtCode)).map((r) => presentIndicator(deps, r));
}

/** The figures a computed indicator may count with (every module's reportFigures). */
export function listSources(deps: CampaignsDeps, actor: Actor) {
  authorizeAny(actor, ['indicator.read', 'indicator.define']);
  return deps.figures().map((s) => ({ code: s.code, label: s.label, drillDown: !!s.records }));
}

/**
 * Defines an indicator of the district: entered (录入) with no source, or computed from a figure source
 * some module offers; the name is unique in the district.
 */
export async function defineIndicator(
  deps: CampaignsDeps,
  actor: Actor,
  body: IndicatorBody,
  requestId?: string,
): Promise<IndicatorRow> {
  authorize(actor, 'indicator.define');
  const now = deps.clock.now();
  if (body.kind === 'computed') {
    if (!body.source) throw fieldProblem('source', 'indicator.source_required');
    if (!deps.figures().some((s) => s.code === body.source)) throw fieldProblem('source', 'indicator.source_unknown');
  } else if (body.source) throw fieldProblem('source', 'indicator.source_on_entered');
  return deps.database.db.transaction().execute(async (trx) => {
    if (await indicatorStore.byName(trx, actor.districtCode, body.name))
      throw fieldProblem('name', 'indicator.name_taken');
    const row: IndicatorRow = {
      id: newId(now.getTime()),
      district_code: actor.districtCode,
      name: body.name,
      measure_unit: body.measureUnit,
      kind: body.kind,
      source: body.kind === 'computed' ? body.source! : null,
      categories: JSON.stringify([...new Set(body.categories ?? [])]),
      phrase: body.phrase || null,
      sort_order: body.sortOrder ?? 100,
      active: 1,
      created_by: actor.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await indicatorStore.insert(trx, row);
    await recordAudit(trx, {
      actor,
      at: now,
      action: 'indicator.define',
      entityType: 'indicator',
      entityId: row.id,
      summary: `新增工作量指标“${row.name}”（${row.measure_unit}）`,
      after: { kind: row.kind, source: row.source, categories: body.categories ?? [] },
      requestId,
    });
    return row;
  });
}

/** An indicator of the actor's district, or 422 on `field`. */
export async function indicatorOf(
  deps: CampaignsDeps,
  actor: Actor,
  id: string,
  field = 'indicatorId',
  ex = deps.database.db,
): Promise<IndicatorRow> {
  const r = await indicatorStore.byId(ex, id);
  if (!r || r.district_code !== actor.districtCode) throw fieldProblem(field, 'indicator.unknown');
  return r;
}
