import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CasePoints } from '../../../../../src/contracts/cases';
import { api } from '../../../lib/api';

export interface CasePointFilters {
  unitId?: string;
  categoryCode?: string;
  deadlineStatus?: string;
  source?: string;
}

/** The open cases in scope as points (GET /cases/points), when shown. */
export function useCasePoints(enabled: boolean, f: CasePointFilters, refreshKey = 0) {
  return useQuery({
    queryKey: ['insights', 'case-points', f, refreshKey],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<CasePoints>('/cases/points', { ...f }, { signal }),
  });
}
