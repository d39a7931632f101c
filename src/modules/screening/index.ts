import type { Module, ModuleContext } from '../module.js';
import { rebasePaths } from '../../kernel/db/dialect.js';
import { serverSecret } from '../../kernel/privacy/server-secret.js';
import { screeningCheckJob } from './commands/escalate-checks.js';
import { screeningReportFigures } from './commands/report-figures.js';
import { screeningInsightMeasures } from './commands/insight-measures.js';
import { seedDemoScreening } from './demo/seed-demo-screening.js';
import type { ScreeningDeps } from './deps.js';
import { registerScreeningRoutes } from './http/screening.routes.js';

export type { ScreeningDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): ScreeningDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  org: ctx.org,
  timeZone: ctx.config.timeZone,
  serverSecretFile: ctx.config.serverSecretFile,
});

/**
 * Screening lists (排查名单, SPEC §6): list campaigns with their own fields, one entry per ID number per
 * campaign whichever units report the person, 协查 lists pushed down from above that the owning
 * community answers within 24 hours (escalated when late), and the purge of a closed campaign's
 * personal data leaving counts and a signed record.
 */
export const screeningModule: Module = {
  name: 'screening',
  routes: (app, ctx) => registerScreeningRoutes(app, depsOf(ctx)),
  // The server secret that signs purge records, made on the first start (kernel/privacy/server-secret.ts).
  prepare(ctx) {
    serverSecret(ctx.config.serverSecretFile);
    return Promise.resolve(undefined);
  },
  jobs: (ctx) => [screeningCheckJob(depsOf(ctx))],
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoScreening(depsOf(ctx), now) }),
  reportFigures: () => screeningReportFigures(),
  insightMeasures: () => screeningInsightMeasures(),
  // A moved community or grid takes its entries, reports, items and campaigns along (paths rebased).
  listens: {
    'org.unit_moved': () => async (trx, e) => {
      if (e.oldPath === e.newPath) return;
      for (const [table, column] of [
        ['scr_campaigns', 'scope_path'],
        ['scr_entries', 'grid_path'],
        ['scr_entry_reports', 'unit_path'],
        ['scr_checks', 'owner_path'],
      ] as const)
        await rebasePaths(trx, table, column, e.oldPath, e.newPath);
    },
  },
};
