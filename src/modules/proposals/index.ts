import type { Module } from '../module.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { proposalInstructionTarget } from './commands/instruction-target.js';
import { proposalReminderJob } from './commands/remind-overdue.js';
import { seedDemoProposals } from './demo/seed-demo-proposals.js';
import { registerProposalRoutes } from './http/proposal.routes.js';
import { registerSupervisorRoutes } from './http/supervisor.routes.js';
import { registerCategoryRoutes } from './http/category.routes.js';
import { ensureProposalCategories } from './commands/ensure-categories.js';
import { proposalInsightMeasures } from './commands/insight-measures.js';
import { proposalWorkItems } from './commands/work-items.js';

export type { ProposalsDeps } from './deps.js';
export { seedDemoProposals } from './demo/seed-demo-proposals.js';
export { proposalReminderJob, remindOverdue } from './commands/remind-overdue.js';

/** CPPCC proposals (政协提案) and democratic supervisors (民主监督员). */
export const proposalsModule: Module = {
  name: 'proposals',
  routes(app, ctx) {
    registerProposalRoutes(app, ctx);
    registerSupervisorRoutes(app, ctx);
    registerCategoryRoutes(app, ctx);
  },
  async prepare(ctx) {
    const added = await ensureProposalCategories(ctx, ctx.config.districtCode);
    return added ? { proposalCategoriesAdded: added } : undefined;
  },
  jobs: (ctx) => [proposalReminderJob(ctx)],
  seedDemo: async (ctx, { now }) => ({ summary: { proposals: await seedDemoProposals(ctx, now) } }),
  // Proposals find their handling units by path: those paths follow a move in its transaction.
  listens: { 'org.unit_moved': unitMovedListener },
  instructionTargets: (ctx) => [proposalInstructionTarget(ctx)],
  insightMeasures: (ctx) => proposalInsightMeasures(ctx),
  workItems: (ctx) => proposalWorkItems(ctx),
};
