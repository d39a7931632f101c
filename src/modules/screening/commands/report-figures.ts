import type { ReportFigureSource } from '../../reporting/index.js';
import { screeningFigureStore } from '../store/screening-figures.store.js';

/** 排查人数 for the daily report forms (SPEC §6: counts feed the daily forms). */
export function screeningReportFigures(): ReportFigureSource[] {
  return [
    {
      code: 'screening.peopleListed',
      label: '排查人数（当期新列入排查名单的人数，按身份证号去重）',
      count: (ex, q) =>
        screeningFigureStore.peopleListed(ex, {
          districtCode: q.districtCode,
          path: q.unitPath,
          from: q.from,
          to: q.to,
        }),
    },
  ];
}
