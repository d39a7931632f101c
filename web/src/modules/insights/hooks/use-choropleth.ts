import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BoundaryCollection } from '../../org/api';
import { insightsApi } from '../api';
import { useRefetchOn } from './use-refetch-on';

export interface ChoroplethQuery {
  /** The unit whose areas are drawn (undefined: the caller's own unit). */
  unitId: string | undefined;
  /** The unit's id when known, for the boundaries (the caller's unit when unitId is undefined). */
  boundaryUnitId: string | undefined;
  level: 'children' | 'grids';
  measure: string | undefined;
  from: string;
  to: string;
  /** Bumped to refetch the figures (the wall's pushes). */
  refreshKey?: number;
}

/** The areas' shapes (kept while the unit and level stay) and the measure's figures over them. */
export function useChoropleth(q: ChoroplethQuery) {
  const boundaries = useQuery({
    queryKey: ['insights', 'map-boundaries', q.boundaryUnitId, q.level],
    enabled: !!q.boundaryUnitId,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api.get<BoundaryCollection>(
        `/units/${encodeURIComponent(q.boundaryUnitId!)}/boundaries`,
        q.level === 'grids' ? { level: 'grids' } : undefined,
        { signal },
      ),
  });
  const figures = useQuery({
    queryKey: ['insights', 'map-areas', q.unitId, q.level, q.measure, q.from, q.to],
    enabled: !!q.measure,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      insightsApi.areas({ unitId: q.unitId, level: q.level, measure: q.measure!, from: q.from, to: q.to }, signal),
  });
  useRefetchOn(q.refreshKey ?? 0, figures);
  return { boundaries, figures };
}
