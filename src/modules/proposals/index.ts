import type { FastifyInstance } from 'fastify';
import type { ProposalsDeps } from './deps.js';
import { registerProposalRoutes } from './http/proposal.routes.js';
import { registerSupervisorRoutes } from './http/supervisor.routes.js';

export type { ProposalsDeps } from './deps.js';
export { seedDemoProposals } from './demo/seed-demo-proposals.js';
export { proposalReminderJob, remindOverdue } from './commands/remind-overdue.js';

/** CPPCC proposals (政协提案) and democratic supervisors (民主监督员): the module's one public door. */
export function registerProposals(app: FastifyInstance, deps: ProposalsDeps): void {
  registerProposalRoutes(app, deps);
  registerSupervisorRoutes(app, deps);
}
export { followUnitMoves } from './commands/follow-unit-move.js';
