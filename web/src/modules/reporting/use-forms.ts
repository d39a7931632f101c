import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery } from '../../lib/query';
import { reportingApi, type ReportForm } from './api';

const KEY = ['reporting', 'forms'];
const activeForms = async (signal?: AbortSignal) =>
  (await reportingApi.forms(signal)).items.filter((f) => !f.status || f.status === 'active');

/** The report forms the account can see; `reload` after a 409 (form revised). */
export function useReportForms(): { forms: ReportForm[] | null; error: unknown; reload(): Promise<ReportForm[]> } {
  const client = useQueryClient();
  const query = useApiQuery(KEY, (signal) => activeForms(signal), undefined, { staleTime: 60_000 });
  return {
    forms: query.error ? [] : (query.data ?? null),
    error: query.error,
    reload: async () => {
      try {
        return await client.fetchQuery({ queryKey: [...KEY, null], queryFn: ({ signal }) => activeForms(signal) });
      } catch {
        return [];
      }
    },
  };
}
