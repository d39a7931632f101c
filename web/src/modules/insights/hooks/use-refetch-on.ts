import { useEffect, useRef } from 'react';

interface Refetchable {
  isFetching: boolean;
  refetch(options?: { cancelRefetch?: boolean }): Promise<unknown>;
}

/**
 * Refetches the queries each time `refreshKey` moves on (the wall's pushes), keeping their keys: a key
 * per push would keep a cached copy of every figure for the cache's five minutes (hundreds at one push
 * a second). A fetch in flight is not cancelled — at one push a second a figure slower than a second
 * would never arrive — but followed by one more, which sees every change pushed meanwhile.
 */
export function useRefetchOn(refreshKey: number, ...queries: Refetchable[]): void {
  const latest = useRef(queries);
  latest.current = queries;
  useEffect(() => {
    if (!refreshKey) return;
    for (const q of latest.current) {
      if (!q.isFetching) void q.refetch();
      else void q.refetch({ cancelRefetch: false }).then(() => q.refetch({ cancelRefetch: false }));
    }
  }, [refreshKey]);
}
