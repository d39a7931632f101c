import type { FastifyInstance } from 'fastify';
import type { CasesDeps } from './deps.js';
import { registerCaseRoutes } from './http/case.routes.js';

export type { CasesDeps } from './deps.js';
export { ensureCategories } from './commands/ensure-categories.js';
export { reportCase } from './commands/report-case.js';
export { caseDeadlineJob } from './commands/check-deadlines.js';
export { idempotencyKeyPruneJob } from './commands/prune-idempotency-keys.js';
export { canActorSeeCase } from './commands/case-context.js';
export { followUnitMove, followUnitMoves } from './commands/follow-unit-move.js';

/** The problem ledger's one public door. */
export function registerCases(app: FastifyInstance, deps: CasesDeps): void {
  registerCaseRoutes(app, deps);
}
export { createOpen311Backend } from './open311-backend.js';
export { seedDemoCases } from './demo/seed-demo-cases.js';
export { rebuildKpiRollup } from './commands/kpi-rollup.js';
