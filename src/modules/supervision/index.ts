import type { Module } from '../module.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { taskInstructionTarget } from './commands/instruction-target.js';
import { supervisionJob } from './commands/refresh-stale-statuses.js';
import { canActorSeeTaskFile } from './commands/task-access.js';
import { supervisionRateFigures } from './commands/rate-figures.js';
import { supervisionInsightMeasures } from './commands/insight-measures.js';
import { seedDemoSupervision } from './demo/seed-demo-supervision.js';
import { registerSupervisionRoutes } from './http/supervision.routes.js';
import { supervisionWorkItems } from './commands/work-items.js';

export type { SupervisionDeps } from './deps.js';
export { supervisionJob } from './commands/refresh-stale-statuses.js';
export { seedDemoSupervision } from './demo/seed-demo-supervision.js';
export {
  createLinkedTask,
  reportLinkedTask,
  taskSummaries,
  type LinkedTaskInput,
  type LinkedTaskSummary,
} from './commands/linked-tasks.js';

/** 督查督办 (SPEC §7): meetings, decomposed tasks, key projects, 督办, assessment, consultation plan. */
export const supervisionModule: Module = {
  name: 'supervision',
  routes: (app, ctx) => registerSupervisionRoutes(app, ctx),
  jobs: (ctx) => [supervisionJob(ctx)],
  seedDemo: async (ctx, { now }) => ({ summary: { ...(await seedDemoSupervision(ctx, now)) } }),
  // Tasks find their units by path: those paths follow a move in its transaction.
  listens: { 'org.unit_moved': unitMovedListener },
  fileAccess: () => (ex, actor, file) => canActorSeeTaskFile(ex, actor, file.id),
  instructionTargets: (ctx) => [taskInstructionTarget(ctx)],
  // 时间节点按期完成率 of the tasks led in an area (the "五星"支部 indicators read it).
  rateFigures: (ctx) => supervisionRateFigures(ctx),
  insightMeasures: (ctx) => supervisionInsightMeasures(ctx),
  workItems: (ctx) => supervisionWorkItems(ctx),
};
