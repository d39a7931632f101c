import type { Module } from '../module.js';
import { seedDemoDistrict } from './demo/seed-demo.js';
import { registerAuthRoutes } from './http/auth.routes.js';
import { registerOrgRoutes } from './http/org.routes.js';
import './unit-moves.js';
import type { Executor } from '../../kernel/db/db.js';
import { unitSpanStore } from './store/unit-span.store.js';

export type { OrgDeps } from './deps.js';
export { LocateService } from './locate-service.js';
export { bootstrapDistrict } from './bootstrap.js';
export { tokenFrom } from './http/auth.routes.js';
export { createOrgApi, type OrgApi, type UnitRef, type LocatedPoint } from './public-api.js';
export { orgChanged } from './directory-cache.js';
export type { UnitMoved, UnitMovedListener } from './unit-moves.js';

/** Units, boundaries, locate, people, accounts and login; the demo district's tree and accounts. */
export const orgModule: Module = {
  name: 'org',
  emits: ['org.unit_moved'],
  routes(app, ctx) {
    registerAuthRoutes(app, ctx);
    registerOrgRoutes(app, ctx);
  },
  async seedDemo(ctx, { districtId }) {
    const demo = await seedDemoDistrict(ctx.database, ctx.config, ctx.clock, districtId);
    return {
      summary: demo.summary,
      announce: demo.generatedPassword
        ? `演示账号密码（仅显示一次）/ demo accounts password (shown once): ${demo.generatedPassword}`
        : undefined,
    };
  },
};
/** For the operator CLI (import and export of boundaries from files). */
export { importBoundaries } from './commands/import-boundaries.js';
export { getChildBoundaries } from './commands/get-child-boundaries.js';
export { seedDemoDistrict } from './demo/seed-demo.js';
/** After units were written in bulk outside org's store (benchmarks' generators): recounts org's span counts of a district. */
export const rebuildUnitSpans = (ex: Executor, districtCode: string) => unitSpanStore.rebuild(ex, districtCode);
