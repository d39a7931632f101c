import { eachArea, type MeasureSource } from '../../insights/index.js';
import { populationReportFigures } from './report-figures.js';

const GROUP = '敲门行动';

/** 敲门入户数 and 在家已核实户数: the door-knocking report figures, for leaders (docs/insights-measures.md). */
export function populationInsightMeasures(): MeasureSource[] {
  const [knocked, verified] = populationReportFigures();
  const base = {
    group: GROUP,
    permission: 'resident.read' as const,
    kind: 'count' as const,
    unit: '户',
    better: 'higher' as const,
    timing: 'period' as const,
    link: (a: { unitId: string }, d: { from: string; to: string }) =>
      `/door-knocking?unitId=${a.unitId}&from=${d.from}&to=${d.to}`,
  };
  return [
    {
      ...base,
      code: 'population.doorsKnocked',
      label: '敲门入户数',
      definition:
        '期间内走访过的户数（任一走访结果，一户多次走访计 1 户），按户所在网格计入辖区；与日报告预填的敲门入户数同口径',
      headline: 7,
      measure: eachArea(async (ex, a) => ({ numerator: await knocked!.count(ex, a) })),
    },
    {
      ...base,
      code: 'population.householdsVerified',
      label: '在家已核实户数',
      definition: '期间内走访结果为“在家已核实”的户数（一户计 1 户），按户所在网格计入辖区',
      measure: eachArea(async (ex, a) => ({ numerator: await verified!.count(ex, a) })),
      link: (a, d) => `${base.link(a, d)}&result=verified`,
    },
  ];
}
