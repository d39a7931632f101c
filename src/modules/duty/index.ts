import type { Module, ModuleContext } from '../module.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { rosterGapJob } from './commands/gap-reminders.js';
import { overdueListener } from './commands/notify-overdue.js';
import { seedDemoDuty } from './demo/seed-demo-duty.js';
import type { DutyDeps } from './deps.js';
import { registerDutyRoutes } from './http/duty.routes.js';

export type { DutyDeps } from './deps.js';
/** Who answers for a unit on a day: for notices, dashboards and campaigns. */
export { responsibleFor, type ResponsibleHolder } from './commands/responsible-for.js';
export { remindRosterGaps } from './commands/gap-reminders.js';

const depsOf = (ctx: ModuleContext): DutyDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * 包联责任与值班排班 (SPEC §4, issue 13 items 1–2): the responsibility web — who answers for a community,
 * party branch or grid (分包 / 包联 / 下沉 / 网格长 / 网格指导员), dated — and the community duty roster (分班)
 * with its gaps (缺岗) shown, reminded the afternoon before, copied forward and exported. A community's
 * overdue cases also reach its 分包 (主责) leaders.
 */
export const dutyModule: Module = {
  name: 'duty',
  routes: (app, ctx) => registerDutyRoutes(app, depsOf(ctx)),
  jobs: (ctx) => [rosterGapJob(depsOf(ctx))],
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoDuty(depsOf(ctx), now) }),
  listens: {
    'org.unit_moved': () => unitMovedListener(),
    'case.overdue': (ctx) => overdueListener(ctx),
  },
};
