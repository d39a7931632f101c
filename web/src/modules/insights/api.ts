import { api } from '../../lib/api';
import type {
  AreaFigure,
  AreaFigures,
  Dashboard,
  MeasureCatalog,
  MeasureFigure,
  MeasureInfo,
  Trend,
  WorkItem,
  Workbench,
} from '../../../../src/contracts/insights';

/** The shapes come from the server's contract (src/contracts/insights.ts), so the two never drift. */
export type {
  AreaFigure,
  AreaFigures,
  Dashboard,
  MeasureCatalog,
  MeasureFigure,
  MeasureInfo,
  Trend,
  WorkItem,
  Workbench,
};

export interface PeriodQuery {
  unitId?: string;
  from: string;
  to: string;
}

export const insightsApi = {
  workbench: (signal?: AbortSignal) => api.get<Workbench>('/workbench', undefined, { signal }),
  measures: (signal?: AbortSignal) => api.get<MeasureCatalog>('/insights/measures', undefined, { signal }),
  dashboard: (q: PeriodQuery, signal?: AbortSignal) => api.get<Dashboard>('/insights/dashboard', { ...q }, { signal }),
  areas: (
    q: PeriodQuery & { measure: string; level?: 'children' | 'grids'; compare?: 'true' | 'false' },
    signal?: AbortSignal,
  ) => api.get<AreaFigures>('/insights/areas', { ...q }, { signal }),
  trend: (q: PeriodQuery & { measure: string; grain?: 'day' | 'week' | 'month' }, signal?: AbortSignal) =>
    api.get<Trend>('/insights/trend', { ...q }, { signal }),
};
