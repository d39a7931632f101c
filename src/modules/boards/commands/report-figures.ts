import type { ReportFigureSource } from '../../reporting/index.js';
import { boardStore } from '../store/board.store.js';

/** 更换宣传牌数 for report forms: replacements recorded under the unit in the period. */
export function boardReportFigures(): ReportFigureSource[] {
  return [
    {
      code: 'boards.replaced',
      label: '更换宣传牌数（当期更换为完好并附新照片的宣传栏、公益广告、墙绘处数）',
      count: (ex, q) =>
        boardStore.countReplaced(ex, q.districtCode, q.unitPath, q.from.toISOString(), q.to.toISOString()),
    },
  ];
}
