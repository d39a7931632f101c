import { localDateOf } from '../../../kernel/calendar/dates.js';
import { commonPathOf, eachArea, sumUnderAreas, type MeasureSource } from '../../insights/index.js';
import type { FollowUpStatus } from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import { completenessOf } from '../domain/measure-rules.js';
import { measureFigureStore } from '../store/measure-figures.store.js';

const GROUP = '居家措施';

/** 在管人数 (today) and 随访完成率 (the completeness page's seen ÷ due over the period's days), for leaders (docs/insights-measures.md). */
export function measureInsightMeasures(deps: MeasuresDeps): MeasureSource[] {
  const base = {
    group: GROUP,
    permission: 'measure.read' as const,
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
      timing: 'now',
      link: (a) => `/measures?unitId=${a.unitId}`,
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
      timing: 'period',
      definition:
        '期间各日的见面随访数（正常或异常）÷ 应随访数：各措施的每日随访，当日已过或已记录即为应随访（WHO Go.Data 随访口径，与随访完成情况页选同一期间同口径）；按措施对象所在网格计入辖区',
      better: 'higher',
      // Every area at once: the period's follow-ups under the areas' common path counted per grid, day
      // and status in one grouped read, the pure rule applied per grid, summed per area by path.
      async measure(ex, q) {
        const today = localDateOf(deps.clock.now());
        const from = localDateOf(q.from);
        const to = localDateOf(new Date(q.to.getTime() - 1));
        const rows = await measureFigureStore.followUpCountsByGrid(ex, {
          districtCode: q.districtCode,
          path: commonPathOf(q.areas),
          from,
          to,
        });
        const byGrid = new Map<string, { day: string; status: FollowUpStatus; n: number }[]>();
        for (const r of rows) {
          const list = byGrid.get(r.path) ?? [];
          list.push({ day: r.day, status: r.status as FollowUpStatus, n: r.n });
          byGrid.set(r.path, list);
        }
        return sumUnderAreas(
          'rate',
          q.areas,
          [...byGrid].map(([path, list]) => {
            const c = completenessOf(list, today);
            return { path, numerator: c.seen, denominator: c.due };
          }),
        );
      },
      link: (a, days) => `/measures?unitId=${a.unitId}&from=${days.from}&to=${days.to}`,
    },
  ];
}
