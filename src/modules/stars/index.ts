import type { Module, ModuleContext } from '../module.js';
import { starRatesJob } from './commands/refresh-rates.js';
import type { StarsDeps } from './deps.js';
import { registerRateRoutes } from './http/rate.routes.js';

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

/** "五星"支部 (SPEC §9, issue 14): the star sets, the computed rates of each branch and quarter. */
export const starsModule: Module = {
  name: 'stars',
  routes: (app, ctx) => registerRateRoutes(app, depsOf(ctx)),
  jobs: (ctx) => [starRatesJob(depsOf(ctx))],
};
