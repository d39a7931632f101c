import type { Module, ModuleContext } from '../module.js';
import { followUpDayEndJob } from './commands/day-end.js';
import { measureReportFigures } from './commands/report-figures.js';
import { measureInsightMeasures } from './commands/insight-measures.js';
import { measureWorkItems } from './commands/work-items.js';
import { seedDemoMeasures } from './demo/seed-demo-measures.js';
import type { MeasuresDeps } from './deps.js';
import { registerMeasureRoutes } from './http/measure.routes.js';

export type { MeasuresDeps } from './deps.js';
export { closeFollowUpDays } from './commands/day-end.js';

const depsOf = (ctx: ModuleContext): MeasuresDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * 居家措施 (SPEC §6, issue 12 item 5): home quarantine and health monitoring on a resident, each owned by
 * four named people (四包一: 街道干部, 社区干部, 民警, 医生), with a follow-up per day of its window after
 * WHO Go.Data's statuses, missed days flagged after each day's end, and the measure ended on time.
 */
export const measuresModule: Module = {
  name: 'measures',
  routes: (app, ctx) => registerMeasureRoutes(app, depsOf(ctx)),
  jobs: (ctx) => [followUpDayEndJob(depsOf(ctx))],
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoMeasures(depsOf(ctx), now) }),
  reportFigures: () => measureReportFigures(),
  insightMeasures: (ctx) => measureInsightMeasures(depsOf(ctx)),
  workItems: () => measureWorkItems(),
};
