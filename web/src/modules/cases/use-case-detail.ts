import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { errorText } from '../../lib/api';
import { apiQueryKey, useApiQuery, useInvalidate } from '../../lib/query';
import { orgApi } from '../org/api';
import { casesApi, type CaseActionType, type CaseDetail } from './api';
import { actionOrder } from './labels';

/** Roles that keep a ledger and check closed cases off it (对账销号). */
const RECONCILE_ROLES = ['admin', 'subdistrict_staff', 'community_worker', 'supervision_office', 'district_leader'];

/** The case detail page's data: the case, its grid's boundary, names for ids in its timeline, and its actions. */
export function useCaseDetail(id: string) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const fetcher = (signal: AbortSignal) => casesApi.get(id, signal);
  const key = ['cases', 'detail', id];
  const query = useApiQuery(key, fetcher, undefined, { keepPrevious: false });
  const c = query.data ?? null;
  const [acting, setActing] = useState<CaseActionType | null>(null);
  const [reconciling, setReconciling] = useState(false);

  // The grid's boundary for the map, through the case: a unit it is dispatched to sees where, too.
  const gridId = c?.gridId ?? null;
  const boundaryQuery = useApiQuery(
    ['cases', 'boundary', id, gridId],
    (signal) => casesApi.boundary(id, signal),
    undefined,
    { enabled: !!gridId, keepPrevious: false, staleTime: 5 * 60_000 },
  );
  const boundary = gridId && !boundaryQuery.error ? (boundaryQuery.data ?? null) : null;

  const { unitNames, caseNumbers } = usePayloadNames(c);

  const buttons = useMemo(() => {
    if (!c) return [];
    const allowed = new Set(c.allowedActions);
    return actionOrder.filter((t) => allowed.has(t));
  }, [c]);

  const canReconcile =
    !!c && c.status === 'closed' && !c.reconciledAt && !!me && me.roles.some((r) => RECONCILE_ROLES.includes(r));

  /** The server answered the changed case: show it, and let the lists catch up. */
  const replace = (updated: CaseDetail) => {
    client.setQueryData(apiQueryKey(key, fetcher), updated);
    void invalidate(['cases', 'list'], ['cases', 'kpis']);
  };

  const reconcile = async () => {
    if (!c) return;
    setReconciling(true);
    try {
      replace(await casesApi.reconcile(c.id));
      message.success('已对账销号');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setReconciling(false);
    }
  };

  return {
    c,
    error: query.error,
    loading: query.loading,
    reload: () => invalidate(['cases']),
    replace,
    boundary,
    unitNames,
    caseNumbers,
    buttons,
    canReconcile,
    reconcile,
    reconciling,
    acting,
    setActing,
  };
}

/** Names for ids that action payloads carry (派遣 → unit, 合并 → case number), looked up once each. */
function usePayloadNames(c: CaseDetail | null) {
  const [unitNames, setUnitNames] = useState<Record<string, string>>({});
  const [caseNumbers, setCaseNumbers] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!c) return;
    const known: Record<string, string> = {};
    if (c.assignedUnitId && c.assignedUnitName) known[c.assignedUnitId] = c.assignedUnitName;
    setUnitNames((prev) => ({ ...prev, ...known }));
    const unitIds = new Set<string>();
    const caseIds = new Set<string>();
    for (const a of c.actions) {
      const p = (a.payload ?? {}) as Record<string, unknown>;
      if (a.type === 'dispatch' && typeof p.unitId === 'string' && !known[p.unitId]) unitIds.add(p.unitId);
      if (a.type === 'merge' && typeof p.targetCaseId === 'string') caseIds.add(p.targetCaseId);
      if (a.type === 'absorb' && typeof p.sourceCaseId === 'string') caseIds.add(p.sourceCaseId);
    }
    if (c.mergedInto) caseIds.add(c.mergedInto);
    for (const uid of unitIds)
      orgApi
        .getUnit(uid)
        .then((u) => setUnitNames((prev) => ({ ...prev, [uid]: u.name })))
        .catch(() => undefined);
    for (const cid of caseIds)
      casesApi
        .get(cid)
        .then((x) => setCaseNumbers((prev) => ({ ...prev, [cid]: x.caseNumber })))
        .catch(() => undefined);
  }, [c]);
  return { unitNames, caseNumbers };
}
