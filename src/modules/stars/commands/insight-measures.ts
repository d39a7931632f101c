import { localDateOf } from '../../../kernel/calendar/dates.js';
import { commonPathOf, sumUnderAreas, type MeasureSource } from '../../insights/index.js';
import type { StarsDeps } from '../deps.js';
import { previousQuarter, quarterOf } from '../domain/quarters.js';
import { ratingStore } from '../store/rating.store.js';
import { heldStarsUnder } from './held-stars.js';
import { branchesUnder } from './rating-access.js';

const GROUP = '五星支部';

/**
 * 季度评比完成率 (the quarter just ended, the one being rated now) and 支部获星数 (stars held now), for
 * leaders (docs/insights-measures.md): branches as the rating lists them (`branchesUnder`), ratings and
 * awards read once for every area asked.
 */
export function starInsightMeasures(deps: StarsDeps): MeasureSource[] {
  const base = {
    group: GROUP,
    permission: 'star.read' as const,
    timing: 'now' as const,
    levels: ['district', 'subdistrict', 'township', 'community', 'village'] as const,
  };
  return [
    {
      ...base,
      code: 'stars.ratingConfirmedRate',
      label: '季度评比完成率',
      kind: 'rate',
      definition:
        '上一季度（正在评比的季度）区级已确认评比结果的党支部数 ÷ 应参评党支部数（社区、村的在册党支部），按支部所在社区、村计入辖区',
      better: 'higher',
      async measure(ex, q) {
        const quarter = previousQuarter(quarterOf(localDateOf(q.asOf)));
        const path = commonPathOf(q.areas);
        const branches = await branchesUnder(deps, ex, q.districtCode, path);
        const confirmed = new Set(
          (await ratingStore.ofQuarter(ex, q.districtCode, quarter, path))
            .filter((r) => r.state === 'confirmed')
            .map((r) => r.branch_id),
        );
        return sumUnderAreas(
          'rate',
          q.areas,
          branches.map((b) => ({ path: b.path, numerator: confirmed.has(b.id) ? 1 : 0, denominator: 1 })),
        );
      },
      link: (area) => `/stars/rating?unitId=${area.unitId}`,
    },
    {
      ...base,
      code: 'stars.starsHeld',
      label: '支部获星数',
      kind: 'count',
      unit: '颗',
      definition: '此刻各党支部持有的星数之和（区级确认授予、尚未摘除的星），按支部所在社区、村计入辖区',
      better: 'higher',
      async measure(ex, q) {
        const { branches, held } = await heldStarsUnder(deps, ex, q.districtCode, commonPathOf(q.areas), q.asOf);
        const pathOf = new Map(branches.map((b) => [b.id, b.path] as const));
        return sumUnderAreas(
          'count',
          q.areas,
          held.map((a) => ({ path: pathOf.get(a.branch_id)!, numerator: 1 })),
        );
      },
      // The stars held now, one row per star: its total is this number (not the ranking's 共获, which
      // sums the quarter just ended's confirmed ratings).
      link: (area) => `/stars/held?unitId=${area.unitId}`,
    },
  ];
}
