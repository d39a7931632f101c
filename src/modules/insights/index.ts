import type { Module, ModuleContext } from '../module.js';
import type { InsightsDeps } from './deps.js';
import { ensureDefaultBriefingTemplates } from './briefings/commands/ensure-default-briefing-templates.js';
import { registerBriefingRoutes } from './briefings/http/briefing.routes.js';
import { registerInsightsRoutes } from './http/insights.routes.js';
import { registerRankingRoutes } from './http/ranking.routes.js';

export type {
  MeasureArea,
  MeasureQuery,
  MeasureSource,
  MeasureValue,
  WorkItemCount,
  WorkItemSource,
} from './sources.js';
export type { InsightsDeps } from './deps.js';
export { areasByPath, commonPathOf, eachArea, forAreasOf, sumUnderAreas, type AreaFigureQuery } from './each-area.js';

export const insightsDepsOf = (ctx: ModuleContext): InsightsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  measures: ctx.modules.flatMap((m) => m.insightMeasures?.(ctx) ?? []),
  workItems: ctx.modules.flatMap((m) => m.workItems?.(ctx) ?? []),
});

/**
 * What leaders read (SPEC §10, issue 15; docs/insights.md): the 工作台 of every account, and the
 * dashboard, map and rankings of a scope, over the measures each module offers through its
 * descriptor (`insightMeasures`) and the work items it lists (`workItems`).
 */
export const insightsModule: Module = {
  name: 'insights',
  routes: (app, ctx) => {
    const deps = insightsDepsOf(ctx);
    registerInsightsRoutes(app, deps, ctx.events);
    registerRankingRoutes(app, deps);
    registerBriefingRoutes(app, deps);
  },
  // The default briefing templates, written from the measures registered now (docs/insights-briefings.md).
  async prepare(ctx) {
    const r = await ensureDefaultBriefingTemplates(insightsDepsOf(ctx), ctx.config.districtCode);
    return r.added || r.refreshed ? { briefingTemplates: r } : undefined;
  },
};
