import type { Executor } from '../../../kernel/db/db.js';
import {
  areasByPath,
  commonPathOf,
  forAreasOf,
  type MeasureQuery,
  type MeasureSource,
  type MeasureValue,
} from '../../insights/index.js';
import { OPEN_STATUSES, type KpiCounts } from '../domain/index.js';
import { caseFigureStore } from '../store/case-figures.store.js';
import { areaKpiCounts } from './area-kpi-counts.js';

const GROUP = '问题台账';
const STANDARD = '（GB/T 30428.4，按应结案时间统计）';

/**
 * The ledger's GB/T 30428.4 counts of each area, standard basis and area view, as the KPI page gives
 * them (docs/kpis.md), read for all the areas at once (areaKpiCounts: one grouped roll-up query, not
 * one per area). Kept per query object, so the dashboard's eight ledger tiles read them once.
 */
function countsPerArea() {
  const memo = new WeakMap<MeasureQuery, Promise<Map<string, KpiCounts>>>();
  return (ex: Executor, q: MeasureQuery) => {
    let p = memo.get(q);
    if (!p) {
      p = areaKpiCounts(ex, {
        districtCode: q.districtCode,
        areas: q.areas.map((a) => ({ path: a.unitPath, kind: a.kind })),
        basis: 'standard',
        days: q.days,
        period: { from: q.from, to: q.to },
        asOf: q.asOf,
      }).then((counts) => new Map(q.areas.map((a, i) => [a.unitId, counts[i]!])));
      memo.set(q, p);
    }
    return p;
  };
}

/**
 * The ledger's measures for leaders: GB/T 30428.4 counts and rates of an area and period (the KPI
 * page's figures, standard basis) and the open cases now.
 */
export function caseInsightMeasures(): MeasureSource[] {
  const counts = countsPerArea();
  const kpis = (of: (c: KpiCounts) => MeasureValue) => async (ex: Executor, q: MeasureQuery) => {
    const all = await counts(ex, q);
    return new Map([...all].map(([id, c]) => [id, of(c)]));
  };
  const ledger = (unitId: string, days: { from: string; to: string }) =>
    `/cases?unitId=${unitId}&from=${days.from}&to=${days.to}`;
  const kpiPage = (unitId: string, days: { from: string; to: string }) =>
    `/cases/kpis?unitId=${unitId}&from=${days.from}&to=${days.to}`;
  const base = { group: GROUP, permission: 'case.read' as const };
  return [
    {
      ...base,
      code: 'cases.open',
      label: '在办问题数',
      kind: 'count',
      unit: '件',
      definition: '此刻尚未结案的问题（不含不予立案、合并），按问题所在网格计入辖区',
      better: 'lower',
      timing: 'now',
      headline: 1,
      async measure(ex, q) {
        const district = q.areas.some((a) => a.kind === 'district');
        const prefix = commonPathOf(q.areas);
        const rows = await caseFigureStore.openByGrid(ex, q.districtCode, prefix, district);
        // A district holds every case (those in no grid too); any other area, the cases of its grids.
        const index = areasByPath(
          q.areas.map((a) => a.unitPath),
          q.areas.flatMap((a, i) => (a.kind === 'district' ? [] : [i])),
        );
        const open = q.areas.map(() => 0);
        for (const r of rows) {
          q.areas.forEach((a, i) => {
            if (a.kind === 'district') open[i]! += r.count;
          });
          if (r.gridPath) forAreasOf(r.gridPath, index, (i) => (open[i]! += r.count));
        }
        return new Map(q.areas.map((a, i) => [a.unitId, { numerator: open[i]! }]));
      },
      link: (a) => `/cases?unitId=${a.unitId}&status=${OPEN_STATUSES.join(',')}`,
    },
    {
      ...base,
      code: 'cases.reported',
      label: '受理数',
      kind: 'count',
      unit: '件',
      definition: '期间上报的问题数（含不予立案、合并）' + STANDARD,
      better: 'higher',
      timing: 'period',
      headline: 2,
      measure: kpis((c) => ({ numerator: c.reported })),
      link: (a, d) => ledger(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.accepted',
      label: '立案数',
      kind: 'count',
      unit: '件',
      definition: '期间立案的问题数' + STANDARD,
      better: 'higher',
      timing: 'period',
      measure: kpis((c) => ({ numerator: c.accepted })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.closed',
      label: '结案数',
      kind: 'count',
      unit: '件',
      definition: '期间应结案且已结案的问题数' + STANDARD,
      better: 'higher',
      timing: 'period',
      headline: 3,
      measure: kpis((c) => ({ numerator: c.closed })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.closeRate',
      label: '结案率',
      kind: 'rate',
      definition: '结案数 ÷ 应结案数' + STANDARD,
      better: 'higher',
      timing: 'period',
      measure: kpis((c) => ({ numerator: c.closed, denominator: c.dueToClose })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.onTimeCloseRate',
      label: '按期结案率',
      kind: 'rate',
      definition: '按期结案数 ÷ 应结案数' + STANDARD,
      better: 'higher',
      timing: 'period',
      headline: 4,
      measure: kpis((c) => ({ numerator: c.closedOnTime, denominator: c.dueToClose })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.onTimeHandleRate',
      label: '按期处置率',
      kind: 'rate',
      definition: '按期处置数 ÷ 应处置数' + STANDARD,
      better: 'higher',
      timing: 'period',
      measure: kpis((c) => ({ numerator: c.handledOnTime, denominator: c.dueToHandle })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.reworkRate',
      label: '返工率',
      kind: 'rate',
      definition: '返工数 ÷ 应结案数' + STANDARD,
      better: 'lower',
      timing: 'period',
      measure: kpis((c) => ({ numerator: c.reworked, denominator: c.dueToClose })),
      link: (a, d) => kpiPage(a.unitId, d),
    },
    {
      ...base,
      code: 'cases.overdueOpen',
      label: '超期未处置数',
      kind: 'count',
      unit: '件',
      definition: '已派遣或处置中、处置时限落在期间内且已超过的问题数' + STANDARD,
      better: 'lower',
      timing: 'period',
      measure: kpis((c) => ({ numerator: c.overdueOpen })),
      link: (a, d) => `/cases?unitId=${a.unitId}&deadlineStatus=overdue&deadlineFrom=${d.from}&deadlineTo=${d.to}`,
    },
  ];
}
