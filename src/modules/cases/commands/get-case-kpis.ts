import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { KpiBasis, KpiView } from '../../../contracts/cases.js';
import { addCounts, countsAt, dueCounts, emptyKpiCounts, kpisFromCounts, type KpiCounts } from '../domain/index.js';
import { kpiRollupStore } from '../store/kpi-rollup.store.js';
import type { CasesDeps } from '../deps.js';
import { periodBounds } from './case-filter.js';
import { areaKpiCounts } from './area-kpi-counts.js';

/** Units that handle dispatched cases and have no area: their figures are those of the cases dispatched to them. */
const HANDLERS = new Set(['department', 'outside_unit']);

/**
 * GB/T 30428.4 indicators of a unit (its area, or the cases dispatched to it) for a period, at this
 * instant, by the basis asked for (formulas and sources in docs/kpis.md): the KPI roll-up's sums
 * over the period's days, plus what time added — the open cases past their deadline. Equal to
 * computeKpis over the unit's cases (tested).
 */
export async function caseKpis(
  deps: CasesDeps,
  actor: Actor,
  q: { unitId?: string; from: string; to: string; basis?: KpiBasis; view?: KpiView },
) {
  if (q.from > q.to)
    throw new Invalid('case.bad_period', 'from is after to', [
      { field: 'from', code: 'period.from_after_to', message: 'after to' },
    ]);
  const db = deps.database.db;
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const basis = q.basis ?? 'standard';
  const view = q.view ?? (HANDLERS.has(unit.kind) ? 'handler' : 'area');
  const asOf = deps.clock.now();
  const bounds = await periodBounds(deps, actor, q.from, q.to);
  const period = { from: new Date(bounds.from!), to: new Date(bounds.to!) };
  const head = { unitId: unit.id, unitName: unit.name, from: q.from, to: q.to, asOf: asOf.toISOString(), basis, view };
  const counts = await kpiCounts(deps, db, {
    districtCode: actor.districtCode,
    unit,
    basis,
    view,
    days: { from: q.from, to: q.to },
    period,
    asOf,
  });
  return { ...head, ...kpisFromCounts(counts, basis) };
}

/**
 * The counts behind the indicators of a unit (its area, or the cases dispatched to it) over a
 * period of local days [days.from, days.to] = [period.from, period.to), at asOf: the roll-up's sums
 * plus what time added (open cases past their deadline); an area's through areaKpiCounts (a grid's
 * from the roll-up's 'grid' rows). One definition for the KPI page and the rates other modules read (rate-figures.ts).
 */
export async function kpiCounts(
  deps: CasesDeps,
  ex: Executor,
  a: {
    districtCode: string;
    unit: { path: string; kind: string };
    basis: KpiBasis;
    view: KpiView;
    days: { from: string; to: string };
    period: { from: Date; to: Date };
    asOf: Date;
  },
): Promise<KpiCounts> {
  const { districtCode, unit, basis, view, period, asOf } = a;
  if (view === 'area') {
    const [counts] = await areaKpiCounts(ex, { districtCode, areas: [unit], basis, days: a.days, period, asOf });
    return counts!;
  }
  const scope = { districtCode, view, path: unit.path, isDistrict: unit.kind === 'district' };
  const rollup = await kpiRollupStore.sum(ex, basis, scope, {
    fromDay: a.days.from.replaceAll('-', ''),
    toDay: a.days.to.replaceAll('-', ''),
  });
  const due = emptyKpiCounts();
  const open = await kpiRollupStore.openPastDeadline(
    ex,
    basis,
    scope,
    { from: period.from.toISOString(), to: period.to.toISOString() },
    asOf.toISOString(),
  );
  for (const g of open) addCounts(due, dueCounts(g.summary, { basis, period, asOf }), g.count);
  return countsAt(rollup, due);
}
