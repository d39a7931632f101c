import type { Executor } from '../../../kernel/db/db.js';
import type { MeasureQuery, MeasureSource, MeasureValue } from '../../insights/index.js';
import type { ReportingDeps } from '../deps.js';
import { completenessTotalsOfAreas, type CompletenessTotals } from './rate-figures.js';

const GROUP = '日报告';
const DHIS2 = '（DHIS2 报告率口径：报告期在所选期间内开始的各报表合计；到期含宽限天数）';
type Totals = CompletenessTotals;

/**
 * The reporting rates of every area of a query, read once per query object (the three tiles share
 * it) and for all areas together (completenessTotalsOfAreas: per form one grouped read): the same
 * sums as the 上报率 rate figure and the completeness page (docs/reporting.md).
 */
function totalsPerArea(deps: ReportingDeps) {
  const memo = new WeakMap<MeasureQuery, Promise<Map<string, Totals>>>();
  return (ex: Executor, q: MeasureQuery) => {
    let p = memo.get(q);
    if (!p) {
      p = completenessTotalsOfAreas(deps, ex, q, q.asOf);
      memo.set(q, p);
    }
    return p;
  };
}

/** 上报率, 及时上报率 and 缺报数 of the daily and periodic report forms, for leaders (docs/insights-measures.md). */
export function reportingInsightMeasures(deps: ReportingDeps): MeasureSource[] {
  const totals = totalsPerArea(deps);
  const of = (pick: (t: Totals) => MeasureValue) => async (ex: Executor, q: MeasureQuery) =>
    new Map([...(await totals(ex, q))].map(([id, t]) => [id, pick(t)]));
  const link = (a: { unitId: string }, d: { from: string; to: string }) =>
    `/reporting/completeness?unitId=${a.unitId}&from=${d.from}&to=${d.to}`;
  const base = {
    group: GROUP,
    permission: 'report.read' as const,
    timing: 'period' as const,
    levels: ['district', 'subdistrict', 'township', 'community', 'village'] as const,
    link,
  };
  return [
    {
      ...base,
      code: 'reporting.completeness',
      label: '上报率',
      kind: 'rate',
      definition: '实报数 ÷ 应报数' + DHIS2,
      better: 'higher',
      headline: 5,
      measure: of((t) => ({ numerator: t.submitted, denominator: t.expected })),
    },
    {
      ...base,
      code: 'reporting.timeliness',
      label: '及时上报率',
      kind: 'rate',
      definition: '按时上报数（截止时间加宽限天数内）÷ 应报数' + DHIS2,
      better: 'higher',
      measure: of((t) => ({ numerator: t.onTime, denominator: t.expected })),
    },
    {
      ...base,
      code: 'reporting.missing',
      label: '缺报数',
      kind: 'count',
      unit: '份',
      definition: '应报而未报的报表份数（应报数 − 实报数）' + DHIS2,
      better: 'lower',
      measure: of((t) => ({ numerator: t.missing })),
    },
  ];
}
