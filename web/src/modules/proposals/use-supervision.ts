import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { errorText } from '../../lib/api';
import { useApiQuery, useInvalidate } from '../../lib/query';
import { proposalsApi, type Assignment, type Opinion, type OpinionCommand, type OpinionStatus } from './api';

/** What the page's one dialog is doing: choosing a supervisor, a visit or an opinion, or an opinion command. */
export type SupervisionDialog =
  | { kind: 'assign' }
  | { kind: 'visit'; a: Assignment }
  | { kind: 'opinion'; a: Assignment }
  | { kind: OpinionCommand; o: Opinion };

export interface OpinionFilter {
  status?: OpinionStatus;
  overdue?: boolean;
}

/** The 民主监督 page's state: the assignments and the filtered opinions, and the open dialog. */
export function useSupervision() {
  const { can } = useAuth();
  const [filter, setFilter] = useState<OpinionFilter>({});
  const [dialog, setDialog] = useState<SupervisionDialog | null>(null);
  const query = useApiQuery(['proposals', 'supervision', filter], async (signal) => {
    const [a, o] = await Promise.all([proposalsApi.assignments(signal), proposalsApi.opinions(filter, signal)]);
    return { assignments: a.items, opinions: o.items };
  });
  const invalidate = useInvalidate();
  const opinions: Opinion[] = query.data?.opinions ?? [];
  return {
    assignments: query.data?.assignments ?? [],
    opinions,
    overdueCount: opinions.filter((o) => o.overdue).length,
    error: query.error ? errorText(query.error) : null,
    filter,
    setFilter,
    dialog,
    setDialog,
    /** A democratic supervisor: records visits and opinions on the assignments that are theirs. */
    visitor: can('supervisor.visit'),
    canAssign: can('proposal.manage'),
    /** After a dialog went through: close it and read the lists again. */
    done: () => {
      setDialog(null);
      void invalidate(['proposals']);
    },
  };
}
