import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { FigureQuery, ReportFigureSource } from '../../reporting/index.js';
import { caseFigureStore, type ClosedCasesQuery } from '../store/case-figures.store.js';

const closedQuery = (q: FigureQuery): ClosedCasesQuery => ({
  districtCode: q.districtCode,
  path: q.unitPath,
  from: q.from.toISOString(),
  to: q.to.toISOString(),
  ...(q.categories?.length ? { categories: q.categories } : {}),
});

/** The figure's code, as report form fields and indicators name it. */
export const CASES_CLOSED = 'cases.closed';
/**
 * 问题整改数 for report forms and work indicators: cases closed (结案) in the period whose place lies in
 * the unit's subtree, optionally of some categories (FigureQuery.categories). A case counts once, in
 * the period of its closing, however many units it passed through.
 */
export function caseReportFigures(): ReportFigureSource[] {
  return [
    {
      code: CASES_CLOSED,
      label: '问题整改数（当期结案的问题数，可按问题类别）',
      count: (ex, q) => caseFigureStore.closedCount(ex, closedQuery(q)),
      records: async (ex, q, limit) =>
        (await caseFigureStore.closed(ex, closedQuery(q), limit)).map((r) => ({
          kind: 'case',
          id: r.id,
          label: `${r.case_number} ${r.description}`,
          day: localDateOf(new Date(r.closed_at!)),
          quantity: 1,
        })),
    },
  ];
}
