import type { Module, ModuleContext } from '../module.js';
import { followUnitMove } from './commands/follow-unit-move.js';
import { populationReportFigures } from './commands/report-figures.js';
import { populationInsightMeasures } from './commands/insight-measures.js';
import { ensureResidentTags } from './commands/resident-tags.js';
import { canActorSeeVisitFile } from './commands/visit-files.js';
import { seedDemoPopulation } from './demo/seed-demo-population.js';
import type { PopulationDeps } from './deps.js';
import { registerPopulationRoutes } from './http/population.routes.js';

export type { PopulationDeps } from './deps.js';
export { measureSubject, searchMeasureSubjects, type MeasureSubject } from './api/measure-subjects.js';

const depsOf = (ctx: ModuleContext): PopulationDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  org: ctx.org,
  timeZone: ctx.config.timeZone,
});

/**
 * People and places on the grid (SPEC §6, GB/T 34300's 人 and 地): buildings, households and residents
 * (one record per GB 11643 ID number, merged or reviewed, masked unless revealed and audited), and
 * door-knocking rounds (敲门行动) with their visits and coverage.
 */
export const populationModule: Module = {
  name: 'population',
  routes: (app, ctx) => registerPopulationRoutes(app, depsOf(ctx)),
  async prepare(ctx) {
    const added = await ensureResidentTags(ctx.database, ctx.config.districtCode);
    return added ? { residentTagsAdded: added } : undefined;
  },
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoPopulation(depsOf(ctx), now) }),
  listens: { 'org.unit_moved': () => followUnitMove },
  fileAccess: () => (ex, actor, file) => canActorSeeVisitFile(ex, actor, file.id),
  reportFigures: () => populationReportFigures(),
  insightMeasures: () => populationInsightMeasures(),
};
export * as screeningLookups from './api/screening-lookups.js';
