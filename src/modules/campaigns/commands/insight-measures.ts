import { commonPathOf, sumUnderAreas, type MeasureSource } from '../../insights/index.js';
import { campaignStore } from '../store/campaign.store.js';

/**
 * 集中整治场次 for leaders (docs/insights-measures.md): the report figure campaigns.held over the
 * period's days — campaigns counted once, in the period their window starts, at their scope unit —
 * read once for every area asked.
 */
export function campaignInsightMeasures(): MeasureSource[] {
  return [
    {
      code: 'campaigns.held',
      label: '集中整治场次',
      group: '整治与成效',
      kind: 'count',
      unit: '场',
      definition:
        '统计期间内开始的集中整治、专项行动场次，按行动的组织单位计入辖区，每场只计一次（与日报告预填的活动场次同口径）',
      better: 'higher',
      timing: 'period',
      permission: 'campaign.read',
      levels: ['district', 'subdistrict', 'township', 'community', 'village'],
      async measure(ex, q) {
        const rows = await campaignStore.startingIn(ex, {
          districtCode: q.districtCode,
          path: commonPathOf(q.areas),
          firstDay: q.days.from,
          lastDay: q.days.to,
        });
        return sumUnderAreas(
          'count',
          q.areas,
          rows.map((r) => ({ path: r.scope_path, numerator: 1 })),
        );
      },
      link: (area, days) => `/campaigns?unitId=${area.unitId}&from=${days.from}&to=${days.to}`,
    },
  ];
}
