import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../module.js';
import { registerPlanRoutes } from './http/plan.routes.js';
import { registerTeamRoutes } from './http/team.routes.js';
import { setsInForce } from './commands/star-sets.js';
import type { PlansDeps } from './plans-deps.js';

/**
 * The stars a branch may go for in a year: those of its kind's set in force in the year's last quarter
 * (a set revised during the year is the one the year ends on).
 */
export const starOptionsInForce: PlansDeps['starOptions'] = async (ex, districtCode, year, kind) => {
  const set = (await setsInForce(ex, districtCode, `${year}-Q4`))[kind];
  return set ? set.stars.map((s) => ({ key: s.key, name: s.name })) : null;
};

/** The battle maps' and teams' deps from the module context. */
export function plansDepsOf(ctx: ModuleContext, starOptions: PlansDeps['starOptions'] = starOptionsInForce): PlansDeps {
  return {
    database: ctx.database,
    clock: ctx.clock,
    config: ctx.config,
    org: ctx.org,
    enqueueEvent: ctx.enqueueEvent,
    starOptions,
  };
}

/** Routes of the battle maps (作战图) and action teams (聚力团). */
export function registerPlansAndTeams(app: FastifyInstance, deps: PlansDeps): void {
  registerPlanRoutes(app, deps);
  registerTeamRoutes(app, deps);
}
