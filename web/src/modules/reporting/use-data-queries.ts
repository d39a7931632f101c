import { useEffect, useState, type Key } from 'react';
import { errorText } from '../../lib/api';
import { useApiQuery, useInvalidate } from '../../lib/query';
import { reportingApi, type DataQuery } from './api';

export type QueryStatusFilter = DataQuery['status'] | 'all';

/** The 数据核查 page's state: the status filter, the list, which threads are open, and the ask dialog. */
export function useDataQueries() {
  const [status, setStatus] = useState<QueryStatusFilter>('open');
  const [asking, setAsking] = useState(false);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const filter = { status: status === 'all' ? undefined : status };
  const list = useApiQuery(
    ['reporting', 'queries', filter],
    (signal) => reportingApi.queries(filter, signal),
    undefined,
    {
      toastError: true,
    },
  );
  const invalidate = useInvalidate();
  const load = () => invalidate(['reporting', 'queries']);
  // The threads of queries still waiting for an answer are open from the start (and after each reload).
  useEffect(() => {
    const open = (list.data?.items ?? []).filter((q) => q.status === 'open' || q.status === 'overdue');
    setExpanded(open.map((q) => q.id));
  }, [list.data]);
  return {
    status,
    setStatus,
    items: list.error ? [] : (list.data?.items ?? null),
    error: list.error ? errorText(list.error) : null,
    load,
    expanded,
    setExpanded,
    asking,
    setAsking,
    /** A query was asked: show the open ones, where it now is. */
    asked: () => {
      setAsking(false);
      setStatus('open');
      void load();
    },
  };
}
