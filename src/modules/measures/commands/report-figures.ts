import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { FigureQuery, ReportFigureSource } from '../../reporting/index.js';
import { measureFigureStore } from '../store/measure-figures.store.js';

/** The period's first and last local days (Asia/Shanghai): `to` is exclusive. */
const daysOf = (q: FigureQuery) => ({
  firstDay: localDateOf(q.from),
  lastDay: localDateOf(new Date(q.to.getTime() - 1)),
});

/** 在管人数 for the daily report forms (SPEC §6: counts feed the daily forms). */
export function measureReportFigures(): ReportFigureSource[] {
  return [
    {
      code: 'measures.underMeasure',
      label: '在管人数（当期处于居家隔离或居家健康监测中的人数）',
      count: (ex, q) =>
        measureFigureStore.peopleUnderMeasure(ex, { districtCode: q.districtCode, path: q.unitPath, ...daysOf(q) }),
    },
    {
      code: 'measures.homeIsolation',
      label: '居家隔离人数（当期处于居家隔离中的人数）',
      count: (ex, q) =>
        measureFigureStore.peopleUnderMeasure(ex, {
          districtCode: q.districtCode,
          path: q.unitPath,
          ...daysOf(q),
          type: 'home_isolation',
        }),
    },
  ];
}
