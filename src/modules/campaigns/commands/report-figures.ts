import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { FigureQuery, ReportFigureSource } from '../../reporting/index.js';
import { categoriesOverlap } from '../domain/campaign-rules.js';
import { campaignStore } from '../store/campaign.store.js';
import type { Executor } from '../../../kernel/db/db.js';

/** Campaigns whose window starts in the period, with a scope in the unit's subtree, of the categories. */
async function held(ex: Executor, q: FigureQuery) {
  const rows = await campaignStore.startingIn(ex, {
    districtCode: q.districtCode,
    path: q.unitPath,
    firstDay: localDateOf(q.from),
    lastDay: localDateOf(new Date(q.to.getTime() - 1)),
  });
  return rows.filter((r) => categoriesOverlap(JSON.parse(r.categories) as string[], q.categories ?? []));
}

/** The figure's code, as report form fields and indicators name it. */
export const CAMPAIGNS_HELD = 'campaigns.held';
/**
 * 活动场次: campaigns (集中整治 / 专项行动) held in the period — counted once, in the period their window
 * starts, at their scope unit (never once per participating unit). Honours FigureQuery.categories.
 */
export function campaignReportFigures(): ReportFigureSource[] {
  return [
    {
      code: CAMPAIGNS_HELD,
      label: '开展集中整治活动场次（当期开始的集中整治、专项行动，可按问题类别）',
      count: async (ex, q) => (await held(ex, q)).length,
      records: async (ex, q, limit) =>
        (await held(ex, q)).slice(0, limit).map((r) => ({
          kind: 'campaign',
          id: r.id,
          label: r.title,
          day: r.start_day,
          quantity: 1,
        })),
    },
  ];
}
