import type { Module, ModuleContext } from '../module.js';
import { canActorSeeStarFile } from './commands/evidence.js';
import { starRatesJob } from './commands/refresh-rates.js';
import { weeklyReminderJob } from './commands/remind-weekly.js';
import { ensureDefaultSets, setsInForce } from './commands/star-sets.js';
import type { CycleDeps } from './cycle-deps.js';
import { seedDemoCycle } from './demo/seed-demo-cycle.js';
import type { StarsDeps } from './deps.js';
import { registerEvidenceRoutes } from './http/evidence.routes.js';
import { registerObservationRoutes } from './http/observation.routes.js';
import { registerRateRoutes } from './http/rate.routes.js';
import { registerStarSetRoutes } from './http/star-set.routes.js';
import { registerWeeklyRoutes } from './http/weekly.routes.js';
import { seedDemoPlans } from './demo/seed-demo-plans.js';
import { seedDemoRatings } from './demo/seed-demo-ratings.js';
import { plansDepsOf, registerPlansAndTeams } from './plans-wiring.js';
import { registerRatingRoutes } from './http/rating.routes.js';
import { ratingReminderJob } from './commands/rating-reminders.js';
import { ratingStore } from './store/rating.store.js';
import { starWorkItems } from './commands/work-items.js';
import { starInsightMeasures } from './commands/insight-measures.js';

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

/** The weekly, monthly and evidence parts: evidence keys are checked against the set in force. */
const cycleDepsOf = (ctx: ModuleContext): CycleDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  // Evidence is frozen once the 街道 has proposed (and after the district confirmed); a return thaws it.
  async ratingProposed(ex, branchId, quarter) {
    const state = (await ratingStore.find(ex, branchId, quarter))?.state;
    return state === 'proposed' || state === 'confirmed';
  },
  async starKeys(ex, districtCode, kind, quarter) {
    const set = (await setsInForce(ex, districtCode, quarter))[kind];
    return set ? new Map(set.stars.map((s) => [s.key, s.indicators.map((i) => i.key)])) : null;
  },
});

/**
 * "五星"支部创建 (SPEC §9, issue 14): star sets with their indicators (computed from the platform's
 * records or scored by the panel) and thresholds, the computed rates of each branch and quarter, the
 * branches' battle maps and action teams, the "三个一" cycle (weekly progress reminded when silent,
 * monthly observation, quarterly rating) with the evidence branches show, stars held with their
 * history, and rankings.
 */
export const starsModule: Module = {
  name: 'stars',
  routes: (app, ctx) => {
    const deps = depsOf(ctx);
    registerStarSetRoutes(app, deps);
    registerRateRoutes(app, deps);
    const cycle = cycleDepsOf(ctx);
    registerWeeklyRoutes(app, cycle);
    registerObservationRoutes(app, cycle);
    registerEvidenceRoutes(app, cycle);
    registerPlansAndTeams(app, plansDepsOf(ctx));
    registerRatingRoutes(app, deps);
  },
  jobs: (ctx) => [starRatesJob(depsOf(ctx)), weeklyReminderJob(cycleDepsOf(ctx)), ratingReminderJob(depsOf(ctx))],
  async prepare(ctx) {
    const added = await ensureDefaultSets(depsOf(ctx), ctx.config.districtCode);
    return added ? { defaultSetsAdded: added } : undefined;
  },
  seedDemo: async (ctx, { now }) => ({
    summary: {
      ...(await seedDemoPlans(plansDepsOf(ctx), ctx.files, now)),
      ...(await seedDemoCycle(cycleDepsOf(ctx), now)),
      ...(await seedDemoRatings(depsOf(ctx), cycleDepsOf(ctx), now)),
    },
  }),
  workItems: (ctx) => starWorkItems(depsOf(ctx), cycleDepsOf(ctx)),
  insightMeasures: (ctx) => starInsightMeasures(depsOf(ctx)),
  fileAccess: () => (ex, actor, file) => canActorSeeStarFile(ex, actor, file.id),
};
