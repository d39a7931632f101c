import { eachArea, type MeasureSource } from '../../insights/index.js';
import { screeningReportFigures } from './report-figures.js';

/** 排查人数: the screening lists' report figure, for leaders (docs/insights-measures.md). */
export function screeningInsightMeasures(): MeasureSource[] {
  const [listed] = screeningReportFigures();
  return [
    {
      code: 'screening.peopleListed',
      label: '排查人数',
      group: '排查名单',
      kind: 'count',
      unit: '人',
      definition: '期间内新列入排查名单的人数（按身份证号去重），按所在网格计入辖区；与日报告预填的排查人数同口径',
      better: 'higher',
      timing: 'period',
      permission: 'screening.read',
      measure: eachArea(async (ex, a) => ({ numerator: await listed!.count(ex, a) })),
      link: (a, d) => `/screening?unitId=${a.unitId}&from=${d.from}&to=${d.to}`,
    },
  ];
}
