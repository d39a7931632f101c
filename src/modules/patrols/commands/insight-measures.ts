import { eachArea, type MeasureSource } from '../../insights/index.js';
import type { PatrolsDeps } from '../deps.js';
import { patrolRateFigures } from './rate-figures.js';
import { patrolReportFigures } from './report-figures.js';

const GROUP = '巡查值守';

/** 巡查覆盖率 and 巡查次数: the patrols' rate and report figures, for leaders (docs/insights-measures.md). */
export function patrolInsightMeasures(deps: PatrolsDeps): MeasureSource[] {
  const [coverage] = patrolRateFigures(deps);
  const [patrols] = patrolReportFigures();
  const base = { group: GROUP, permission: 'patrol.read' as const, timing: 'period' as const };
  return [
    {
      ...base,
      code: 'patrols.coverage',
      label: '巡查覆盖率',
      kind: 'rate',
      definition:
        '有巡查的网格天数 ÷ 网格天数：辖区内在用小网格，期间内截至今日的每一天，当天有已结束的网格巡查计 1（与巡查覆盖页同口径）',
      better: 'higher',
      headline: 8,
      measure: eachArea(async (ex, a) => coverage!.rate(ex, a)),
      link: (a, d) => `/patrol-coverage?unitId=${a.unitId}&from=${d.from}&to=${d.to}`,
    },
    {
      ...base,
      code: 'patrols.patrols',
      label: '巡查次数',
      kind: 'count',
      unit: '次',
      definition: '期间内结束的网格巡查次数，按巡查网格计入辖区',
      better: 'higher',
      measure: eachArea(async (ex, a) => ({ numerator: await patrols!.count(ex, a) })),
      link: (a, d) => `/patrols?unitId=${a.unitId}&from=${d.from}&to=${d.to}&kind=grid&status=ended`,
    },
  ];
}
