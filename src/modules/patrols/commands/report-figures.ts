import type { FigureQuery, ReportFigureSource } from '../../reporting/index.js';
import { patrolFigureStore } from '../store/patrol-figures.store.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';

const daysOf = (q: FigureQuery) => ({ first: localDateOf(q.from), last: localDateOf(new Date(q.to.getTime() - 1)) });

/** 巡查次数 and 巡查网格天数 for report forms and work indicators (issue 13 items 3 and 5). */
export function patrolReportFigures(): ReportFigureSource[] {
  return [
    {
      code: 'patrols.patrols',
      label: '巡查次数（当期结束的网格巡查次数）',
      count: (ex, q) =>
        patrolFigureStore.patrols(ex, { districtCode: q.districtCode, path: q.unitPath, kind: 'grid', ...daysOf(q) }),
    },
    {
      code: 'patrols.patrolledGridDays',
      label: '巡查网格天数（每个网格每天有巡查计 1）',
      count: (ex, q) =>
        patrolFigureStore.unitDays(ex, { districtCode: q.districtCode, path: q.unitPath, kind: 'grid', ...daysOf(q) }),
    },
    {
      code: 'patrols.farmlandPatrols',
      label: '耕地巡查次数（当期结束的耕地巡查次数）',
      count: (ex, q) =>
        patrolFigureStore.patrols(ex, {
          districtCode: q.districtCode,
          path: q.unitPath,
          kind: 'farmland',
          ...daysOf(q),
        }),
    },
  ];
}
