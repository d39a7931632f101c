import type { Module, ModuleContext } from '../module.js';
import type { ReportingDeps } from './deps.js';
import { reportQueryJob } from './commands/escalate-overdue-queries.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { reportReminderJob } from './commands/scheduled-reminders.js';
import { seedDemoForms } from './demo/seed-demo-forms.js';
import { reportingRateFigures } from './commands/rate-figures.js';
import { reportingInsightMeasures } from './commands/insight-measures.js';
import { registerReportingRoutes } from './http/reporting.routes.js';
import { reportingWorkItems } from './commands/work-items.js';

export type { ReportingDeps } from './deps.js';
export type {
  FigureQuery,
  FigureRecord,
  RateFigure,
  RateFigureSource,
  RateRecord,
  ReportFigureSource,
} from './figures.js';
export { seedDemoForms } from './demo/seed-demo-forms.js';
export { reportQueryJob } from './commands/escalate-overdue-queries.js';
export { reportReminderJob } from './commands/scheduled-reminders.js';

// Every module's figures, read from the module list (nobody keeps a list of them by hand).
const depsOf = (ctx: ModuleContext): ReportingDeps => ({
  ...ctx,
  figures: ctx.modules.flatMap((m) => m.reportFigures?.(ctx) ?? []),
});

/** Daily and zero reporting (日报告、零报告): forms, completeness and timeliness, data queries, roll-ups. */
export const reportingModule: Module = {
  name: 'reporting',
  routes: (app, ctx) => registerReportingRoutes(app, depsOf(ctx)),
  jobs: (ctx) => [reportQueryJob(ctx), reportReminderJob(ctx)],
  seedDemo: async (ctx, { now }) => ({ summary: { submissions: await seedDemoForms(depsOf(ctx), now) } }),
  // A moved unit's reports count under its new parent from the moment the move commits.
  listens: { 'org.unit_moved': unitMovedListener },
  // 上报率 of an area and period (the "五星"支部 indicators read it).
  rateFigures: (ctx) => reportingRateFigures(ctx),
  insightMeasures: (ctx) => reportingInsightMeasures(ctx),
  workItems: (ctx) => reportingWorkItems(depsOf(ctx)),
};
