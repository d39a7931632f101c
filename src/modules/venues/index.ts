import type { Module, ModuleContext } from '../module.js';
import { ensureVenueSettings } from './commands/ensure-venue-settings.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { canActorSeeVenueFile } from './commands/venue-access.js';
import { venueInsightMeasures } from './commands/insight-measures.js';
import { seedDemoVenues } from './demo/seed-demo-venues.js';
import type { VenuesDeps } from './deps.js';
import { registerVenueRoutes } from './http/venue.routes.js';

export type { VenuesDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): VenuesDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
  enqueueEvent: ctx.enqueueEvent,
});

/**
 * 场所与检查 (SPEC §6): venues on the grid, inspections against the district's checklist (扫码、测温、
 * 戴口罩 …) with photos and, on failure, a ledger case; closure orders (停业整顿) lifted only after a
 * passing re-check. Owner phones masked unless revealed (audited).
 */
export const venuesModule: Module = {
  name: 'venues',
  routes: (app, ctx) => registerVenueRoutes(app, depsOf(ctx)),
  async prepare(ctx) {
    const added = await ensureVenueSettings(ctx.database.db, ctx.config.districtCode);
    return added ? { venueSettingsAdded: added } : undefined;
  },
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoVenues(depsOf(ctx), now) }),
  // A venue's scope is its grid's path: it follows a moved community in the move's transaction.
  listens: { 'org.unit_moved': () => unitMovedListener() },
  fileAccess: () => (ex, actor, file) => canActorSeeVenueFile(ex, actor, file.id),
  insightMeasures: () => venueInsightMeasures(),
};
