import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format-time';
import { useApiQuery } from '../../lib/query';
import { insightsApi, type MeasureInfo } from './api';
import { rankingsApi, type RankingParams } from './rankings-api';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from './rankings-periods';

/** The measure a 通报 is usually about, when the address names none. */
const DEFAULT_MEASURE = 'cases.onTimeCloseRate';

/**
 * The ranking's choices live in the address (measure, unitId, level, period, from, to), so a
 * drill-down goes back with 返回, a link can be sent, and the print page reads the same ranking.
 */
export function useRankingParams(measures: MeasureInfo[] | undefined) {
  const [search, setSearch] = useSearchParams();
  const preset = (search.get('period') ?? 'lastMonth') as PeriodPreset;
  const params = useMemo<RankingParams | null>(() => {
    const code =
      search.get('measure') ?? measures?.find((m) => m.code === DEFAULT_MEASURE)?.code ?? measures?.[0]?.code;
    if (!code) return null;
    // Today in the district (Asia/Shanghai), whatever the PC's own zone.
    const today = formatDate(new Date());
    const days =
      preset === 'custom' || !PERIOD_PRESETS.includes(preset as never)
        ? {
            from: search.get('from') ?? today,
            to: search.get('to') ?? today,
          }
        : presetPeriod(preset as Exclude<PeriodPreset, 'custom'>, dayjs(today));
    return {
      measure: code,
      unitId: search.get('unitId') ?? undefined,
      level: search.get('level') === 'grids' ? 'grids' : 'children',
      ...days,
    };
  }, [search, measures, preset]);
  const update = useCallback(
    (patch: Record<string, string | undefined>, push = false) => {
      const next = new URLSearchParams(search);
      for (const [k, v] of Object.entries(patch))
        if (v) next.set(k, v);
        else next.delete(k);
      setSearch(next, { replace: !push });
    },
    [search, setSearch],
  );
  return { params, preset, update, search: search.toString() };
}

/** The measures the caller may read (for the picker) and the ranking chosen. */
export function useRanking() {
  const catalog = useApiQuery(['insights', 'measures'], (signal) => insightsApi.measures(signal), undefined, {
    staleTime: 5 * 60_000,
  });
  const measures = catalog.data?.items;
  const choice = useRankingParams(measures);
  const table = useApiQuery(
    ['insights', 'ranking', choice.params],
    (signal) => rankingsApi.table(choice.params!, signal),
    undefined,
    { enabled: !!choice.params },
  );
  return { measures, catalogError: catalog.error, ...choice, table };
}
