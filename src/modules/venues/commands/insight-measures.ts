import { commonPathOf, sumUnderAreas, type MeasureSource } from '../../insights/index.js';
import { venueFigureStore } from '../store/venue-figures.store.js';

const GROUP = '场所管理';

/**
 * 场所检查合格率 (inspections of the period) and 停业整顿场所数 (now), for leaders
 * (docs/insights-measures.md): one grouped query for every area asked, by the venue's grid.
 */
export function venueInsightMeasures(): MeasureSource[] {
  const base = { group: GROUP, permission: 'venue.read' as const };
  return [
    {
      ...base,
      code: 'venues.inspectionPassRate',
      label: '场所检查合格率',
      kind: 'rate',
      definition:
        '统计期间内场所检查结论为合格的次数 ÷ 检查总次数（对照检查清单逐项检查，每次检查计一次），按场所所在网格计入辖区',
      better: 'higher',
      timing: 'period',
      async measure(ex, q) {
        const rows = await venueFigureStore.inspections(
          ex,
          q.districtCode,
          commonPathOf(q.areas),
          q.from.toISOString(),
          q.to.toISOString(),
        );
        return sumUnderAreas(
          'rate',
          q.areas,
          rows.map((r) => ({ path: r.path, numerator: r.result === 'pass' ? r.n : 0, denominator: r.n })),
        );
      },
      // The period's inspections (GET /venue-inspections), whose two counts are this rate's.
      link: (area, days) => `/venues/inspections?unitId=${area.unitId}&from=${days.from}&to=${days.to}`,
    },
    {
      ...base,
      code: 'venues.closed',
      label: '停业整顿场所数',
      kind: 'count',
      unit: '家',
      definition: '此刻处于停业整顿（责令停业整顿令未解除）的场所数，按场所所在网格计入辖区',
      better: 'lower',
      timing: 'now',
      async measure(ex, q) {
        const rows = await venueFigureStore.byStatus(ex, q.districtCode, commonPathOf(q.areas), 'closed');
        return sumUnderAreas(
          'count',
          q.areas,
          rows.map((r) => ({ path: r.path, numerator: r.n })),
        );
      },
      link: (area) => `/venues?unitId=${area.unitId}&status=closed`,
    },
  ];
}
