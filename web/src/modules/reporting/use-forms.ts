import { useCallback, useEffect, useState } from 'react';
import { reportingApi, type ReportForm } from './api';

/** The report forms the account can see; `reload` after a 409 (form revised). */
export function useReportForms(): { forms: ReportForm[] | null; error: unknown; reload(): Promise<ReportForm[]> } {
  const [forms, setForms] = useState<ReportForm[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const items = (await reportingApi.forms()).items.filter((f) => !f.status || f.status === 'active');
      setForms(items);
      setError(null);
      return items;
    } catch (e) {
      setError(e);
      setForms([]);
      return [];
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { forms, error, reload };
}
