import { App } from 'antd';
import type dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/auth';
import { errorText } from '../../lib/api';
import { useApiCursorList, useApiQuery, useInvalidate } from '../../lib/query';
import { casesApi, type CaseListQuery, type CaseSummary } from './api';

export type ReconcileView = 'pending' | 'done';

const PAGE = 50;
/** Counting pages through the keyset stops here and shows "n+". */
const COUNT_CAP = 5000;

async function countCases(q: CaseListQuery, signal: AbortSignal): Promise<string> {
  let n = 0;
  let cursor: string | undefined;
  for (;;) {
    const r = await casesApi.list({ ...q, cursor, limit: 200 }, signal);
    n += r.items.length;
    if (!r.nextCursor) return String(n);
    if (n >= COUNT_CAP) return `${n}+`;
    cursor = r.nextCursor;
  }
}

/** 对账销号's state: the filters, the closed cases of one view page by page, the two counts, and 销号. */
export function useReconcile() {
  const me = useMe();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const [view, setView] = useState<ReconcileView>('pending');
  const [busyIds, setBusyIds] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string[]>([]);
  const [batchBusy, setBatchBusy] = useState(false);
  // Cases checked off here leave the 待销号 list at once, without reading it again.
  const [gone, setGone] = useState<Set<string>>(new Set());

  const from = period?.[0].format('YYYY-MM-DD');
  const to = period?.[1].format('YYYY-MM-DD');
  const base = useMemo<CaseListQuery>(() => ({ status: 'closed', unitId, from, to }), [unitId, from, to]);
  const listQuery = useMemo<CaseListQuery>(
    () => ({ ...base, reconciled: view === 'pending' ? 'false' : 'true' }),
    [base, view],
  );

  const list = useApiCursorList(
    ['cases', 'reconcile', 'list', listQuery],
    (cursor, signal) => casesApi.list({ ...listQuery, limit: PAGE, cursor }, signal),
    { toastError: true },
  );
  const countsQuery = useApiQuery(['cases', 'reconcile', 'counts', base], async (signal) => {
    const [pending, done] = await Promise.all([
      countCases({ ...base, reconciled: 'false' }, signal),
      countCases({ ...base, reconciled: 'true' }, signal),
    ]);
    return { pending, done };
  });
  const counts = countsQuery.error ? null : (countsQuery.data ?? null);

  useEffect(() => {
    setSelected([]);
    setGone(new Set());
  }, [list.firstPage]);

  const items = useMemo(() => list.items.filter((x) => !gone.has(x.id)), [list.items, gone]);
  const refreshCounts = () => invalidate(['cases', 'reconcile', 'counts']);

  const reconcileOne = async (c: CaseSummary): Promise<boolean> => {
    setBusyIds((s) => new Set(s).add(c.id));
    try {
      await casesApi.reconcile(c.id);
      setGone((s) => new Set(s).add(c.id));
      return true;
    } catch (e) {
      message.error(`${c.caseNumber}：${errorText(e)}`);
      return false;
    } finally {
      setBusyIds((s) => {
        const n = new Set(s);
        n.delete(c.id);
        return n;
      });
    }
  };

  return {
    unitId,
    setUnitId,
    period,
    setPeriod,
    view,
    setView,
    listQuery,
    items,
    loading: list.loading,
    nextCursor: list.nextCursor,
    loadMore: list.loadMore,
    counts,
    busyIds,
    selected,
    setSelected,
    batchBusy,
    refresh: () => invalidate(['cases', 'reconcile']),
    reconcile: async (c: CaseSummary) => {
      if (await reconcileOne(c)) {
        message.success(`${c.caseNumber} 已销号`);
        void refreshCounts();
      }
    },
    reconcileSelected: async () => {
      setBatchBusy(true);
      let ok = 0;
      for (const id of selected) {
        const c = items.find((x) => x.id === id);
        if (c && (await reconcileOne(c))) ok++;
      }
      setBatchBusy(false);
      setSelected([]);
      if (ok) message.success(`已销号 ${ok} 件`);
      void refreshCounts();
    },
  };
}
