import { localDateOf } from '../../../kernel/calendar/dates.js';
import { eachArea, type MeasureSource } from '../../insights/index.js';
import type { FollowUpStatus } from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import { completenessOf } from '../domain/measure-rules.js';
import { measureStore } from '../store/measure.store.js';
import { measureFigureStore } from '../store/measure-figures.store.js';

const GROUP = '居家措施';

/** 在管人数 (today) and 随访完成率 (the completeness page's seen ÷ due), for leaders (docs/insights-measures.md). */
export function measureInsightMeasures(deps: MeasuresDeps): MeasureSource[] {
  const base = {
    group: GROUP,
    permission: 'measure.read' as const,
    timing: 'now' as const,
    link: (a: { unitId: string }) => `/measures?unitId=${a.unitId}`,
  };
  return [
    {
      ...base,
      code: 'measures.underMeasure',
      label: '在管人数',
      kind: 'count',
      unit: '人',
      definition:
        '今日处于居家隔离或居家健康监测中的人数（按人去重，按所在网格计入辖区；与日报告预填的在管人数同口径）',
      better: 'lower',
      measure: eachArea(async (ex, a) => {
        const today = localDateOf(deps.clock.now());
        return {
          numerator: await measureFigureStore.peopleUnderMeasure(ex, {
            districtCode: a.districtCode,
            path: a.unitPath,
            firstDay: today,
            lastDay: today,
          }),
        };
      }),
    },
    {
      ...base,
      code: 'measures.followUpCompleteness',
      label: '随访完成率',
      kind: 'rate',
      definition:
        '见面随访数（正常或异常）÷ 应随访数：各措施的每日随访，当日已过或已记录即为应随访；截至此刻全部措施（WHO Go.Data 随访口径，与随访完成情况页同口径）',
      better: 'higher',
      measure: eachArea(async (ex, a) => {
        const today = localDateOf(deps.clock.now());
        const rows = await measureStore.completenessRows(ex, { districtCode: a.districtCode, path: a.unitPath });
        const c = completenessOf(
          rows.map((r) => ({ day: r.day, status: r.status as FollowUpStatus })),
          today,
        );
        return { numerator: c.seen, denominator: c.due };
      }),
    },
  ];
}
