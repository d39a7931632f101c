import { caseInsightMeasures } from './commands/insight-measures.js';
import { caseWorkItems } from './commands/work-items.js';
import type { Module } from '../module.js';
import './case-events.js';
import { canActorSeeCase } from './commands/case-context.js';
import { caseDeadlineJob } from './commands/check-deadlines.js';
import { ensureCategories } from './commands/ensure-categories.js';
import { ensureKpiRollup } from './commands/kpi-rollup.js';
import { calendarFor } from './commands/case-context.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { caseInstructionTarget } from './commands/instruction-target.js';
import { caseReportFigures } from './commands/report-figures.js';
import { caseRateFigures } from './commands/rate-figures.js';
import { idempotencyKeyPruneJob } from './commands/prune-idempotency-keys.js';
import { seedDemoCases } from './demo/seed-demo-cases.js';
import { registerCaseRoutes } from './http/case.routes.js';
import { createOpen311Backend } from './open311-backend.js';

export type { CasesDeps } from './deps.js';
export type { CaseGuard, CaseOverdue, CaseReported, CaseStep, CaseStepped } from './case-events.js';
export { caseStatuses } from './commands/case-statuses.js';
export { ensureCategories } from './commands/ensure-categories.js';
export { reportCase, reportCaseInTransaction } from './commands/report-case.js';
export { caseDeadlineJob } from './commands/check-deadlines.js';
export { canActorSeeCase } from './commands/case-context.js';
export { followUnitMove } from './commands/follow-unit-move.js';
export { createOpen311Backend } from './open311-backend.js';
export { seedDemoCases } from './demo/seed-demo-cases.js';
export { rebuildKpiRollup } from './commands/kpi-rollup.js';
export {
  caseRefs,
  caseRefsUnder,
  openCaseLocationsUnder,
  visibleCaseRef,
  type CaseRef,
  type OpenCaseLocation,
} from './commands/case-refs.js';

/** The problem ledger (问题台账): report → close-out, deadlines, KPIs (GB/T 30428.4), export. */
export const casesModule: Module = {
  name: 'cases',
  emits: ['case.reported', 'case.overdue', 'case.stepped'],
  // Other modules' rules on the steps (a farmland case's 不予立案 needs the district), read from the list.
  routes: (app, ctx) =>
    registerCaseRoutes(app, { ...ctx, caseGuards: ctx.modules.flatMap((m) => m.caseGuards?.(ctx) ?? []) }),
  jobs: (ctx) => [caseDeadlineJob(ctx), idempotencyKeyPruneJob(ctx)],
  async prepare(ctx) {
    const added = await ensureCategories(ctx.database, ctx.org, ctx.config.districtCode, ctx.clock.now());
    // The KPI roll-up is a cache of the cases: refilled when it is empty (its shape changed) and cases exist.
    const db = ctx.database.db;
    const refilled = await ensureKpiRollup(
      db,
      ctx.config.districtCode,
      await calendarFor(ctx, db, ctx.config.districtCode),
    );
    const summary = {
      ...(added ? { categoriesAdded: added } : {}),
      ...(refilled ? { kpiRollupRefilled: refilled } : {}),
    };
    return Object.keys(summary).length ? summary : undefined;
  },
  seedDemo: async (ctx, { now }) => ({ summary: { cases: await seedDemoCases(ctx, now) } }),
  // A moved community's cases lie in its new sub-district's scope (and KPIs) from the moment the move commits.
  listens: { 'org.unit_moved': unitMovedListener },
  fileAccess: () => async (ex, actor, file) => !!file.caseId && canActorSeeCase(ex, actor, file.caseId),
  open311Backend: (ctx) => createOpen311Backend(ctx),
  instructionTargets: (ctx) => [caseInstructionTarget(ctx)],
  // 问题整改数 (cases closed in a period and area) for report forms and work indicators.
  reportFigures: () => caseReportFigures(),
  // 结案率 and 按期结案率 of an area and period (the "五星"支部 indicators read them).
  rateFigures: (ctx) => caseRateFigures(ctx),
  // The ledger's figures for leaders: GB/T 30428.4 counts and rates, open cases (insights module).
  insightMeasures: () => caseInsightMeasures(),
  workItems: (ctx) => caseWorkItems(ctx),
};
