import type { Executor } from '../../../kernel/db/db.js';
import type { FigureQuery, RateFigure, RateFigureSource, RateRecord } from '../../reporting/index.js';
import { kpiCounts } from './get-case-kpis.js';
import { calendarFor } from './case-context.js';
import type { CasesDeps } from '../deps.js';
import { addToKpiCounts, closeDueAt, emptyKpiCounts, stateFromJson, type KpiCounts } from '../domain/index.js';
import { caseFigureStore } from '../store/case-figures.store.js';
import { summaryOf } from './kpi-rollup.js';

/** The rates' codes, as star indicators name them. */
export const CASES_CLOSURE_RATE = 'cases.closureRate';
export const CASES_ON_TIME_RATE = 'cases.onTimeRate';

/**
 * The ledger's GB/T 30428.4 counts of the unit's area over the query's days, standard basis (by the
 * date each count's event falls on), as of now: exactly what GET /cases/kpis answers (docs/kpis.md).
 */
async function areaCounts(deps: CasesDeps, ex: Executor, q: FigureQuery): Promise<KpiCounts | null> {
  const unit = await deps.org.unit(ex, q.unitId);
  if (!unit) return null;
  const cal = await calendarFor(deps, ex, q.districtCode);
  const days = { from: cal.localDate(q.from), to: cal.localDate(new Date(q.to.getTime() - 1)) };
  if (days.to < days.from) return null;
  return kpiCounts(deps, ex, {
    districtCode: q.districtCode,
    unit: { path: q.unitPath, kind: unit.kind },
    basis: 'standard',
    view: 'area',
    days,
    period: { from: q.from, to: q.to },
    asOf: deps.clock.now(),
  });
}

/**
 * The 应结案 cases of the area and days, each with what it adds to 结案数 / 按期结案数, by the same
 * rules as the counts (addToKpiCounts on each case's state), latest first.
 */
async function dueCases(deps: CasesDeps, ex: Executor, q: FigureQuery, limit: number, onTime: boolean) {
  const unit = await deps.org.unit(ex, q.unitId);
  if (!unit) return [];
  const cal = await calendarFor(deps, ex, q.districtCode);
  const asOf = deps.clock.now();
  const period = { from: q.from, to: q.to };
  const rows = await caseFigureStore.mayFallDue(ex, {
    districtCode: q.districtCode,
    path: q.unitPath,
    isDistrict: unit.kind === 'district',
    from: q.from.toISOString(),
    to: q.to.toISOString(),
  });
  const out: (RateRecord & { at: number })[] = [];
  for (const r of rows) {
    const s = summaryOf(stateFromJson(r.state));
    const c = addToKpiCounts(emptyKpiCounts(), s, { basis: 'standard', period, asOf });
    if (c.dueToClose === 0) continue;
    const at = (closeDueAt(s) ?? s.deadline ?? s.reportedAt).getTime();
    out.push({
      kind: 'case',
      id: r.id,
      label: `${r.case_number} ${r.description}`,
      day: cal.localDate(new Date(at)),
      numerator: onTime ? c.closedOnTime : c.closed,
      denominator: c.dueToClose,
      at,
    });
  }
  out.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  return out.slice(0, limit).map(({ at: _at, ...r }) => r);
}

const rateOf = (c: KpiCounts | null, pick: (c: KpiCounts) => number): RateFigure =>
  c ? { numerator: pick(c), denominator: c.dueToClose } : { numerator: 0, denominator: 0 };

/**
 * 结案率 = 结案数 ÷ 应结案数 and 按期结案率 = 按期结案数 ÷ 应结案数 of the ledger (GB/T 30428.4, standard
 * basis, the unit's area): 应结案数 counts the cases whose closing fell due in the period (deadline
 * in force passed in it, or closed in it before the deadline). Nothing due: denominator 0.
 */
export function caseRateFigures(deps: CasesDeps): RateFigureSource[] {
  return [
    {
      code: CASES_CLOSURE_RATE,
      label: '结案率（结案数 ÷ 应结案数，GB/T 30428.4）',
      rate: async (ex, q) => rateOf(await areaCounts(deps, ex, q), (c) => c.closed),
      records: (ex, q, limit) => dueCases(deps, ex, q, limit, false),
    },
    {
      code: CASES_ON_TIME_RATE,
      label: '按期结案率（按期结案数 ÷ 应结案数，GB/T 30428.4）',
      rate: async (ex, q) => rateOf(await areaCounts(deps, ex, q), (c) => c.closedOnTime),
      records: (ex, q, limit) => dueCases(deps, ex, q, limit, true),
    },
  ];
}
