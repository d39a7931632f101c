import { commonPathOf, sumUnderAreas, type MeasureSource } from '../../insights/index.js';
import { boardStore } from '../store/board.store.js';

const GROUP = '宣传阵地';

/**
 * 宣传阵地完好率 (now) and 更换宣传牌数 (the period; the report figure boards.replaced), for leaders
 * (docs/insights-measures.md): one grouped query for every area asked, by the board's unit.
 */
export function boardInsightMeasures(): MeasureSource[] {
  const base = { group: GROUP, permission: 'board.read' as const };
  return [
    {
      ...base,
      code: 'boards.goodRate',
      label: '宣传阵地完好率',
      kind: 'rate',
      definition: '此刻状态为完好的宣传栏、公益广告、墙绘处数 ÷ 在册处数（已拆除的不计），按所属单位计入辖区',
      better: 'higher',
      timing: 'now',
      async measure(ex, q) {
        const rows = await boardStore.statesByPath(ex, q.districtCode, commonPathOf(q.areas));
        return sumUnderAreas(
          'rate',
          q.areas,
          rows
            .filter((r) => r.state !== 'removed')
            .map((r) => ({ path: r.path, numerator: r.state === 'good' ? r.n : 0, denominator: r.n })),
        );
      },
      link: (area) => `/boards?unitId=${area.unitId}`,
    },
    {
      ...base,
      code: 'boards.replaced',
      label: '更换宣传牌数',
      kind: 'count',
      unit: '处',
      definition:
        '统计期间内更换为完好并附新照片的宣传栏、公益广告、墙绘处数，按所属单位计入辖区（与日报告预填的更换宣传牌数同口径）',
      better: 'higher',
      timing: 'period',
      async measure(ex, q) {
        const rows = await boardStore.replacedByPath(
          ex,
          q.districtCode,
          commonPathOf(q.areas),
          q.from.toISOString(),
          q.to.toISOString(),
        );
        return sumUnderAreas(
          'count',
          q.areas,
          rows.map((r) => ({ path: r.path, numerator: r.n })),
        );
      },
      // The period's replacements (GET /board-replacements), whose total is this number.
      link: (area, days) => `/boards/replacements?unitId=${area.unitId}&from=${days.from}&to=${days.to}`,
    },
  ];
}
