import type { Module, ModuleContext } from '../module.js';
import { starRatesJob } from './commands/refresh-rates.js';
import { ensureDefaultSets } from './commands/star-sets.js';
import type { StarsDeps } from './deps.js';
import { registerRateRoutes } from './http/rate.routes.js';
import { registerStarSetRoutes } from './http/star-set.routes.js';
import { seedDemoPlans } from './demo/seed-demo-plans.js';
import { plansDepsOf, registerPlansAndTeams } from './plans-wiring.js';

export type { StarsDeps } from './deps.js';
export { rateValueStore, type KeptRate } from './store/rate-value.store.js';
export { refreshRates } from './commands/refresh-rates.js';

// Every module's rates, read from the module list (nobody keeps a list of them by hand).
const depsOf = (ctx: ModuleContext): StarsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  rateSources: ctx.modules.flatMap((m) => m.rateFigures?.(ctx) ?? []),
});

/**
 * "五星"支部创建 (SPEC §9, issue 14): star sets with their indicators (computed from the platform's
 * records or scored by the panel) and thresholds, the computed rates of each branch and quarter, the
 * branches' battle maps and action teams, the "三个一" cycle (weekly progress, monthly observation,
 * quarterly rating), stars held with their history, and rankings.
 */
export const starsModule: Module = {
  name: 'stars',
  routes: (app, ctx) => {
    const deps = depsOf(ctx);
    registerStarSetRoutes(app, deps);
    registerRateRoutes(app, deps);
    registerPlansAndTeams(app, plansDepsOf(ctx));
  },
  jobs: (ctx) => [starRatesJob(depsOf(ctx))],
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoPlans(plansDepsOf(ctx), ctx.files, now) }),
  async prepare(ctx) {
    const added = await ensureDefaultSets(depsOf(ctx), ctx.config.districtCode);
    return added ? { defaultSetsAdded: added } : undefined;
  },
};
