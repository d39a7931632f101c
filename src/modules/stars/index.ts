import type { Module, ModuleContext } from '../module.js';
import { ensureDefaultSets } from './commands/star-sets.js';
import type { StarsDeps } from './deps.js';
import { registerStarSetRoutes } from './http/star-set.routes.js';
import { registerRatingRoutes } from './http/rating.routes.js';
import { ratingReminderJob } from './commands/rating-reminders.js';

export type { StarsDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): StarsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  rates: () => ctx.modules.flatMap((m) => m.rateFigures?.(ctx) ?? []),
});

/**
 * "五星"支部创建 (SPEC §9, issue 14): star sets with their indicators (computed from the platform's
 * records or scored by the panel) and thresholds, the branches' battle maps and action teams, the
 * "三个一" cycle (weekly progress, monthly observation, quarterly rating), stars held with their
 * history, and rankings.
 */
export const starsModule: Module = {
  name: 'stars',
  routes: (app, ctx) => {
    registerStarSetRoutes(app, depsOf(ctx));
    registerRatingRoutes(app, depsOf(ctx));
  },
  jobs: (ctx) => [ratingReminderJob(depsOf(ctx))],
  async prepare(ctx) {
    const added = await ensureDefaultSets(depsOf(ctx), ctx.config.districtCode);
    return added ? { defaultSetsAdded: added } : undefined;
  },
};
