import { useState } from 'react';
import { useApiCursorList, useApiMutation, useApiQuery } from '../../lib/query';
import { useDebounced } from '../../lib/use-debounced';
import { populationApi, type HouseholdFilter, type Resident, type ResidentFilter } from './api';

/** Every population query starts with this, so a change can refresh them all. */
export const POP = 'population';

/** The tags configured for the district (active ones offered on forms; all named in lists). */
export function useResidentTags() {
  const q = useApiQuery([POP, 'tags'], (signal) => populationApi.tags(signal), undefined, { staleTime: 60_000 });
  const all = q.data?.items ?? [];
  const nameOf = (code: string) => all.find((t) => t.code === code)?.name ?? code;
  return { all, active: all.filter((t) => t.active), nameOf, error: q.error, loading: q.loading };
}

/** A unit's households, searched by address, building or a member's name; page by page. */
export function useHouseholds(filter: HouseholdFilter) {
  const f = useDebounced(filter, 300);
  return useApiCursorList([POP, 'households', f], (cursor, signal) => populationApi.households(f, cursor, signal), {
    enabled: !!f.unitId,
  });
}

export function useResidents(filter: ResidentFilter, enabled = true) {
  const f = useDebounced(filter, 300);
  return useApiCursorList([POP, 'residents', f], (cursor, signal) => populationApi.residents(f, cursor, signal), {
    enabled: enabled && !!(f.unitId || f.householdId),
  });
}

export function useBuildings(unitId: string | undefined, q: string) {
  const query = useDebounced({ unitId, q: q.trim() || undefined }, 300);
  return useApiQuery([POP, 'buildings', query], (signal) => populationApi.buildings(query, signal), undefined, {
    enabled: !!unitId,
  });
}

/**
 * Unmasking a resident: asked with a reason (audited on the server), so it is a deliberate act, not
 * a query. `target` is the record the reason modal is open for; `shown` the unmasked reply.
 */
export function useReveal() {
  const [target, setTarget] = useState<Resident | null>(null);
  const [shown, setShown] = useState<Resident | null>(null);
  const reveal = useApiMutation((v: { id: string; reason: string }) => populationApi.reveal(v.id, v.reason), {
    toastError: false,
    onSuccess: (full) => {
      setTarget(null);
      setShown(full);
    },
  });
  return {
    target,
    shown,
    ask: (r: Resident) => {
      reveal.reset();
      setTarget(r);
    },
    cancel: () => setTarget(null),
    close: () => setShown(null),
    submit: (reason: string) => target && reveal.mutate({ id: target.id, reason }),
    pending: reveal.isPending,
    error: reveal.error,
  };
}
export type RevealState = ReturnType<typeof useReveal>;
