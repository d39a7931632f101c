import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import {
  addToKpiCounts,
  countsAt,
  emptyKpiCounts,
  kpisFromCounts,
  stateFromJson,
  type KpiCounts,
} from '../domain/index.js';
import { kpiRollupStore } from '../store/kpi-rollup.store.js';
import { summaryOf } from './kpi-rollup.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { calendarFor } from './case-context.js';
import { listFilter, periodBounds } from './case-filter.js';

const ROLLED_UP = new Set(['district', 'subdistrict', 'township', 'community', 'village']);

/**
 * GB/T 30428.4 indicators for the cases reported in a unit subtree during a period, at this instant
 * (formulas in docs/problem-ledger.md). Districts, sub-districts and communities add up the KPI
 * roll-up and count the few cases past their deadline; grids and responsible units (few cases)
 * fold their cases directly. Both give what computeKpis gives over the same cases.
 */
export async function caseKpis(deps: CasesDeps, actor: Actor, q: { unitId?: string; from: string; to: string }) {
  if (q.from > q.to)
    throw new Invalid('case.bad_period', 'from is after to', [
      { field: 'from', code: 'period.from_after_to', message: 'after to' },
    ]);
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
