import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../module.js';
import { registerPlanRoutes } from './http/plan.routes.js';
import { registerTeamRoutes } from './http/team.routes.js';
import type { PlansDeps } from './plans-deps.js';

/** The battle maps' and teams' deps from the module context; `starOptions` reads the sets in force. */
export function plansDepsOf(ctx: ModuleContext, starOptions: PlansDeps['starOptions']): PlansDeps {
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
