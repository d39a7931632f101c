import { useSearchParams } from 'react-router';
import { api } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import type { CaseKpisByCategory } from '../../../../../src/contracts/cases';
import { insightsApi } from '../api';
import { grainFor, presetRange } from './periods';

export type Grain = 'day' | 'week' | 'month';

/**
 * The dashboard's state lives in the address (unitId, from, to, measure, grain), so a drill-down is a
 * link, the back button undoes it and a leader can send the page as it is.
 */
export function useDashboardState() {
  const [params, setParams] = useSearchParams();
  const month = presetRange('month');
  const unitId = params.get('unitId') ?? undefined;
  const from = params.get('from') ?? month.from;
  const to = params.get('to') ?? month.to;
  const measure = params.get('measure') ?? undefined;
  const grain = (params.get('grain') as Grain | null) ?? grainFor({ from, to });
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  return { unitId, from, to, measure, grain, set };
}

export function useDashboardData(s: ReturnType<typeof useDashboardState>) {
  const period = { unitId: s.unitId, from: s.from, to: s.to };
  const dashboard = useApiQuery(['insights', 'dashboard', period], (signal) => insightsApi.dashboard(period, signal));
  const measures = dashboard.data?.measures ?? [];
  // The measure charted and broken down: the one chosen, else the first the period's trend can show.
  const chosen =
    measures.find((m) => m.code === s.measure) ?? measures.find((m) => m.timing === 'period') ?? measures[0] ?? null;
  const areas = useApiQuery(
    ['insights', 'areas', period, chosen?.code],
    (signal) => insightsApi.areas({ ...period, measure: chosen!.code, compare: 'true' }, signal),
    undefined,
    { enabled: !!chosen && dashboard.data?.unit.kind !== 'grid_small' },
  );
  const trend = useApiQuery(
    ['insights', 'trend', period, chosen?.code, s.grain],
    (signal) => insightsApi.trend({ ...period, measure: chosen!.code, grain: s.grain }, signal),
    undefined,
    { enabled: !!chosen && chosen.timing === 'period' },
  );
  const ledger = measures.some((m) => m.code.startsWith('cases.'));
  const byCategory = useApiQuery(
    ['cases', 'kpis-by-category', period],
    (signal) => api.get<CaseKpisByCategory>('/cases/kpis/by-category', { ...period }, { signal }),
    undefined,
    { enabled: ledger && !!dashboard.data },
  );
  return { dashboard, chosen, areas, trend, byCategory: ledger ? byCategory : null };
}
