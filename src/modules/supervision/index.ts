import type { FastifyInstance } from 'fastify';
import type { SupervisionDeps } from './deps.js';
import { registerSupervisionRoutes } from './http/supervision.routes.js';

export type { SupervisionDeps } from './deps.js';
export { supervisionJob } from './commands/notices.js';
export { canActorSeeTaskFile } from './commands/tasks.js';
export { seedDemoSupervision } from './demo/seed-demo-supervision.js';

/** 督查督办 (SPEC §7): meetings, decomposed tasks, key projects, 督办, assessment, consultation plan. */
export function registerSupervision(app: FastifyInstance, deps: SupervisionDeps): void {
  registerSupervisionRoutes(app, deps);
}
export { followUnitMoves } from './commands/follow-unit-move.js';
