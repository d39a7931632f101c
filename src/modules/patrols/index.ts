import type { Module, ModuleContext } from '../module.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { patrolReportFigures } from './commands/report-figures.js';
import { patrolRateFigures } from './commands/rate-figures.js';
import { patrolInsightMeasures } from './commands/insight-measures.js';
import { seedDemoPatrols } from './demo/seed-demo-patrols.js';
import type { PatrolsDeps } from './deps.js';
import { registerPatrolRoutes } from './http/patrol.routes.js';

export type { PatrolsDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): PatrolsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * 巡查 (issue 13 items 3 and 7): patrols of grids and farmland patrols of a village, started and ended
 * on the phone with a thinned, compactly stored GPS track, the people along and the cases found or
 * fixed on the way; coverage per grid and period and per person; a day's tracks on the map.
 */
export const patrolsModule: Module = {
  name: 'patrols',
  routes: (app, ctx) => registerPatrolRoutes(app, depsOf(ctx)),
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoPatrols(depsOf(ctx), now) }),
  reportFigures: () => patrolReportFigures(),
  // 巡查覆盖率 of an area and period (the "五星"支部 indicators read it).
  rateFigures: (ctx) => patrolRateFigures(depsOf(ctx)),
  insightMeasures: (ctx) => patrolInsightMeasures(depsOf(ctx)),
  // A moved community's patrols and coverage lie in its new sub-district's scope from the moment the move commits.
  listens: { 'org.unit_moved': () => unitMovedListener() },
};
