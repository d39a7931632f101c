import type { Module, ModuleContext } from '../module.js';
import { canActorSeeStarFile } from './commands/evidence.js';
import { weeklyReminderJob } from './commands/remind-weekly.js';
import type { CycleDeps } from './cycle-deps.js';
import { seedDemoCycle } from './demo/seed-demo-cycle.js';
import { registerEvidenceRoutes } from './http/evidence.routes.js';
import { registerObservationRoutes } from './http/observation.routes.js';
import { registerWeeklyRoutes } from './http/weekly.routes.js';

export { evidenceCounts } from './store/evidence.store.js';

const cycleDepsOf = (ctx: ModuleContext): CycleDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * "五星"支部 (SPEC §9, issue 14). The "三个一" cycle's weekly progress (每周推进, reminded when silent)
 * and monthly observation events (每月观摩), and the evidence branches show for their stars.
 */
export const starsModule: Module = {
  name: 'stars',
  routes(app, ctx) {
    const deps = cycleDepsOf(ctx);
    registerWeeklyRoutes(app, deps);
    registerObservationRoutes(app, deps);
    registerEvidenceRoutes(app, deps);
  },
  jobs: (ctx) => [weeklyReminderJob(cycleDepsOf(ctx))],
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoCycle(cycleDepsOf(ctx), now) }),
  fileAccess: () => (ex, actor, file) => canActorSeeStarFile(ex, actor, file.id),
};
