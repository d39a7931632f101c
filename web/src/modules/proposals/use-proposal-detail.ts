import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../lib/api';
import { apiQueryKey, useApiQuery, useInvalidate } from '../../lib/query';
import { proposalsApi, type ProposalCommand, type ProposalDetail } from './api';
import type { PendingAction } from './components/ProposalActionModal';

/** A proposal's page: the proposal, the command being filled in, and showing the server's answer to it. */
export function useProposalDetail(id: string) {
  const [action, setAction] = useState<PendingAction | null>(null);
  const client = useQueryClient();
  const fetcher = (signal: AbortSignal) => proposalsApi.get(id, signal);
  const key = ['proposals', 'detail', id];
  const query = useApiQuery(key, fetcher, undefined, { keepPrevious: false });
  const invalidate = useInvalidate();
  const p: ProposalDetail | null = query.data ?? null;
  return {
    p,
    error: query.error ? errorText(query.error) : null,
    action,
    setAction,
    may: (c: ProposalCommand) => !!p?.allowedActions.includes(c),
    /** The server answered the changed proposal: show it, and let the lists catch up. */
    done: (next: ProposalDetail) => {
      setAction(null);
      client.setQueryData(apiQueryKey(key, fetcher), next);
      void invalidate(['proposals', 'list'], ['proposals', 'stats'], ['proposals', 'supervision']);
    },
  };
}
