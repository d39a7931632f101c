import type { ReportFigureSource } from '../../reporting/index.js';
import { visitFigureStore } from '../store/visit-figures.store.js';

/**
 * The door-knocking figures daily report forms may take pre-filled (SPEC §6: counts feed the daily
 * forms). Both count doors, not visits: a household knocked twice in the day is one 入户.
 */
export function populationReportFigures(): ReportFigureSource[] {
  return [
    {
      code: 'population.doorsKnocked',
      label: '敲门入户数（当期走访的户数，任一走访结果）',
      count: (ex, q) => visitFigureStore.householdsVisited(ex, { path: q.unitPath, from: q.from, to: q.to }),
    },
    {
      code: 'population.householdsVerified',
      label: '在家已核实户数（当期走访结果为在家已核实的户数）',
      count: (ex, q) =>
        visitFigureStore.householdsVisited(ex, { path: q.unitPath, from: q.from, to: q.to, results: ['verified'] }),
    },
  ];
}
