import type { Actor } from '../../../kernel/auth/actor.js';
import type { Crs } from '../../../kernel/geo/crs.js';
import { toWgs84 } from '../../../kernel/geo/crs.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { ListCasesQuery } from '../../../contracts/cases.js';
import {
  addToKpiCounts,
  canSee,
  countsAt,
  emptyKpiCounts,
  kpisFromCounts,
  stateFromJson,
  type KpiCounts,
} from '../domain/index.js';
import { kpiRollupStore } from '../store/kpi-rollup.store.js';
import { summaryOf } from './kpi-rollup.js';
import type { CasesDeps } from '../deps.js';
import { loadCaseNames, loadCaseView, type CasePage, type CaseView } from './case-names.js';
import { caseStore, type CaseListFilter } from '../store/case.store.js';
import { calendarFor, loadVisibleCase, toCaseActor } from './case-context.js';

export async function getCase(deps: CasesDeps, actor: Actor, id: string): Promise<CaseView> {
  const db = deps.database.db;
  const { row } = await loadVisibleCase(db, actor, id);
  return loadCaseView(deps, db, toCaseActor(actor), row, await caseStore.actions(db, id));
}

/** Local dates (Asia/Shanghai) to the UTC instants that bound them. */
async function periodBounds(deps: CasesDeps, actor: Actor, from?: string, to?: string) {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const next = (d: string) => new Date(cal.startOfDay(d).getTime() + 86_400_000).toISOString();
  return { from: from ? cal.startOfDay(from).toISOString() : undefined, to: to ? next(to) : undefined };
}

export async function listFilter(
  deps: CasesDeps,
  actor: Actor,
  q: ListCasesQuery,
  limit: number,
): Promise<CaseListFilter> {
  const unitPath = q.unitId ? (await deps.org.unit(deps.database.db, q.unitId))?.path : undefined;
  if (q.unitId && !unitPath)
    throw new Invalid('case.unknown_unit', '单位不存在', [{ field: 'unitId', message: '单位不存在' }]);
  const { from, to } = await periodBounds(deps, actor, q.from, q.to);
  const district = await deps.org.unitByCode(deps.database.db, actor.districtCode);
  return {
    scopePath: actor.scopePath,
    unitPath,
    districtPath: district?.path,
    districtCode: actor.districtCode,
    status: q.status,
    categoryCode: q.categoryCode,
    source: q.source,
    from,
    to,
    deadlineStatus: q.deadlineStatus,
    reconciled: q.reconciled,
    q: q.q,
    after: q.cursor,
    limit,
  };
}

export async function listCases(deps: CasesDeps, actor: Actor, q: ListCasesQuery): Promise<CasePage> {
  const db = deps.database.db;
  const limit = q.limit ?? 50;
  const rows = await caseStore.list(db, deps.database.dialect, await listFilter(deps, actor, q, limit + 1));
  const page = rows.slice(0, limit);
  return {
    rows: page,
    names: await loadCaseNames(deps, db, actor.districtCode, page),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}

/** Equirectangular distance in metres: exact enough within a district. */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const k = Math.PI / 180;
  const x = (b.lng - a.lng) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  const y = (b.lat - a.lat) * k;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** Up to five open cases of the same category within the category's radius, nearest first. */
export async function findDuplicates(
  deps: CasesDeps,
  actor: Actor,
  input: { categoryCode: string; lng: number; lat: number; crs?: Crs },
) {
  const db = deps.database.db;
  const cat = await caseStore.category(db, actor.districtCode, input.categoryCode);
  if (!cat)
    throw new Invalid('case.unknown_category', '问题类别不存在', [{ field: 'categoryCode', message: '类别不存在' }]);
  const [lng, lat] = toWgs84(input.lng, input.lat, input.crs ?? 'wgs84');
  const r = cat.duplicate_radius_m;
  const dLat = r / 111_320;
  const dLng = r / (111_320 * Math.cos((lat * Math.PI) / 180));
  const near = await caseStore.openNear(db, cat.code, lng, lat, dLng, dLat);
  const actorC = toCaseActor(actor);
  const hits = near
    .filter((c) => canSee(actorC, stateFromJson(c.state)))
    .map((c) => ({ c, d: metres({ lng, lat }, { lng: c.lng!, lat: c.lat! }) }))
    .filter((x) => x.d <= r)
    .sort((a, b) => a.d - b.d)
    .slice(0, 5);
  return {
    radiusM: r,
    items: hits.map(({ c, d }) => ({
      id: c.id,
      caseNumber: c.case_number,
      description: c.description,
      distanceM: Math.round(d),
      status: c.status,
      reportedAt: c.reported_at,
    })),
  };
}

const ROLLED_UP = new Set(['district', 'subdistrict', 'township', 'community', 'village']);

/**
 * GB/T 30428.4 indicators for the cases reported in a unit subtree during a period, at this instant
 * (formulas in docs/problem-ledger.md). Districts, sub-districts and communities add up the KPI
 * roll-up and count the few cases past their deadline; grids and responsible units (few cases)
 * fold their cases directly. Both give what computeKpis gives over the same cases.
 */
export async function caseKpis(deps: CasesDeps, actor: Actor, q: { unitId?: string; from: string; to: string }) {
  if (q.from > q.to)
    throw new Invalid('case.bad_period', '开始日期不能晚于结束日期', [{ field: 'from', message: '晚于结束日期' }]);
  const db = deps.database.db;
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const asOf = deps.clock.now();
  const { from, to } = await periodBounds(deps, actor, q.from, q.to);
  let counts: KpiCounts;
  if (ROLLED_UP.has(unit.kind)) {
    const rollup = await kpiRollupStore.sum(db, {
      districtCode: actor.districtCode,
      path: unit.path,
      fromDay: q.from.replaceAll('-', ''),
      toDay: q.to.replaceAll('-', ''),
    });
    const due = await kpiRollupStore.due(
      db,
      { districtCode: actor.districtCode, path: unit.path, isDistrict: unit.kind === 'district', from: from!, to: to! },
      asOf.toISOString(),
    );
    counts = countsAt(rollup, due);
  } else {
    const rows = await caseStore.list(
      db,
      deps.database.dialect,
      await listFilter(deps, actor, { unitId: unit.id, from: q.from, to: q.to }, 1_000_000),
    );
    counts = emptyKpiCounts();
    for (const r of rows) addToKpiCounts(counts, summaryOf(stateFromJson(r.state)), { asOf, calendar });
  }
  return {
    unitId: unit.id,
    unitName: unit.name,
    from: q.from,
    to: q.to,
    asOf: asOf.toISOString(),
    ...kpisFromCounts(counts),
  };
}
