import type { Module, ModuleContext } from '../module.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { campaignReportFigures } from './commands/report-figures.js';
import { campaignInsightMeasures } from './commands/insight-measures.js';
import { seedDemoCampaigns } from './demo/seed-demo-campaigns.js';
import type { CampaignsDeps } from './deps.js';
import { registerCampaignRoutes } from './http/campaign.routes.js';

export type { CampaignsDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): CampaignsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  figures: () => ctx.modules.flatMap((m) => m.reportFigures?.(ctx) ?? []),
});

/**
 * 集中整治 and 工作量指标 (SPEC §4, issue 13 items 4–6): campaigns with their units, volunteers, linked
 * ledger cases and measured quantities; work indicators entered or computed from other modules'
 * figures, summed by unit and period without double counting; targets with on-track / behind; and
 * the 工作成效 sentence read from the records.
 */
export const campaignsModule: Module = {
  name: 'campaigns',
  routes: (app, ctx) => registerCampaignRoutes(app, depsOf(ctx)),
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoCampaigns(depsOf(ctx), now) }),
  reportFigures: () => campaignReportFigures(),
  insightMeasures: () => campaignInsightMeasures(),
  listens: { 'org.unit_moved': () => unitMovedListener() },
};
