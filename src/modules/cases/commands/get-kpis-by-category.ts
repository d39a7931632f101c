import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { KpiBasis } from '../../../contracts/cases.js';
import { computeKpis, stateFromJson, type CaseSummary } from '../domain/index.js';
import { caseCategoryFigureStore } from '../store/case-category-figures.store.js';
import { caseStore } from '../store/case.store.js';
import type { CasesDeps } from '../deps.js';
import { calendarFor } from './case-context.js';
import { periodBounds } from './case-filter.js';
import { summaryOf } from './kpi-rollup.js';

/** Departments and outside units have no area: a breakdown by category is of an area. */
const HANDLERS = new Set(['department', 'outside_unit']);

/**
 * GB/T 30428.4 indicators of a unit's area for a period, at this instant, one row per 大类 (the
 * category's first two digits): computeKpis over the area's cases of the category, the same rules as
 * GET /cases/kpis (docs/kpis.md). Categories with nothing counted are left out.
 */
export async function caseKpisByCategory(
  deps: CasesDeps,
  actor: Actor,
  q: { unitId?: string; from: string; to: string; basis?: KpiBasis },
) {
  if (q.from > q.to)
    throw new Invalid('case.bad_period', 'from is after to', [
      { field: 'from', code: 'period.from_after_to', message: 'after to' },
    ]);
  const db = deps.database.db;
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  if (HANDLERS.has(unit.kind))
    throw new Invalid('case.kpis_no_area', 'unitId: a department has no area to break down by category', [
      { field: 'unitId', code: 'case.kpis_no_area', message: 'a department has no area' },
    ]);
  const basis = q.basis ?? 'standard';
  const asOf = deps.clock.now();
  const bounds = await periodBounds(deps, actor, q.from, q.to);
  const period = { from: new Date(bounds.from!), to: new Date(bounds.to!) };
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const rows = await caseCategoryFigureStore.statesOfArea(db, actor.districtCode, unit.path, unit.kind === 'district');
  const byMajor = new Map<string, CaseSummary[]>();
  for (const r of rows) {
    const major = r.category_code.slice(0, 2);
    const list = byMajor.get(major) ?? [];
    list.push(summaryOf(stateFromJson(r.state)));
    byMajor.set(major, list);
  }
  const names = new Map((await caseStore.categories(db, actor.districtCode)).map((c) => [c.code, c.name]));
  const items = [...byMajor]
    .map(([code, cases]) => ({
      categoryCode: code,
      categoryName: names.get(code) ?? code,
      ...computeKpis(cases, { basis, period, asOf, calendar }),
    }))
    .filter((r) => Object.values(r.counts).some((n) => n !== 0))
    .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode));
  return {
    unitId: unit.id,
    unitName: unit.name,
    from: q.from,
    to: q.to,
    asOf: asOf.toISOString(),
    basis,
    items,
  };
}
