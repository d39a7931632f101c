import { useQuery } from '@tanstack/react-query';
import { insightsApi, type Workbench } from '../insights/api';

/** The 工作台's reply, refreshed every few minutes and whenever the window comes back into focus. */
export function useWorkbench() {
  return useQuery<Workbench>({
    queryKey: ['insights', 'workbench'],
    queryFn: ({ signal }) => insightsApi.workbench(signal),
    refetchInterval: 3 * 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}
