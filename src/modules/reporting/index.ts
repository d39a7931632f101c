import type { FastifyInstance } from 'fastify';
import type { ReportingDeps } from './deps.js';
import { registerReportingRoutes } from './http/reporting.routes.js';

export type { ReportingDeps } from './deps.js';
export { seedDemoForms } from './demo/seed-demo-forms.js';

/** Daily and zero reporting (日报告、零报告): the module's one public door. */
export function registerReporting(app: FastifyInstance, deps: ReportingDeps): void {
  registerReportingRoutes(app, deps);
}
export { reportQueryJob } from './commands/data-queries.js';
export { reportReminderJob } from './commands/scheduled-reminders.js';
export { followUnitMoves } from './commands/follow-unit-move.js';
