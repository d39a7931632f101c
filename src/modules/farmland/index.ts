import type { Module, ModuleContext } from '../module.js';
import { farmlandCaseListener } from './commands/mark-farmland-case.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { farmlandRejectGuard } from './commands/reject-guard.js';
import { seedDemoFarmland } from './demo/seed-demo-farmland.js';
import type { FarmlandDeps } from './deps.js';
import { registerFarmlandRoutes } from './http/farmland.routes.js';
import { farmlandIndex, type ParcelHit } from './commands/farmland-index.js';
import type { Executor } from '../../kernel/db/db.js';

export type { FarmlandDeps } from './deps.js';
export type { ParcelHit } from './commands/farmland-index.js';
export { importParcels } from './commands/import-parcels.js';

const depsOf = (ctx: ModuleContext): FarmlandDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * Point-in-farmland lookup for other modules (farmland patrols, the phone): the parcel a WGS-84 point
 * lies in, 永久基本农田 before 耕地 where they overlap, or null. In-memory, rebuilt after an import.
 * Reads through `ex`: pass the transaction when inside one.
 */
export function farmlandAt(
  ctx: Pick<ModuleContext, 'database' | 'clock'>,
  ex: Executor,
  lng: number,
  lat: number,
): Promise<ParcelHit | null> {
  return farmlandIndex(ctx.database, ctx.clock).at(ex, lng, lat);
}

/**
 * 耕地保护 (issue 13 item 7): farmland and permanent basic farmland parcels per village, imported as
 * GeoJSON; a 违法占用耕地 case inside a parcel becomes a farmland case, closed as 不予立案 only with
 * the district's approval; the per-village farmland table.
 */
export const farmlandModule: Module = {
  name: 'farmland',
  routes: (app, ctx) => registerFarmlandRoutes(app, depsOf(ctx)),
  seedDemo: async (ctx, { now }) => ({ summary: await seedDemoFarmland(ctx, now) }),
  listens: {
    'case.reported': (ctx) => farmlandCaseListener(depsOf(ctx)),
    'org.unit_moved': (ctx) => unitMovedListener(depsOf(ctx)),
  },
  caseGuards: () => [farmlandRejectGuard()],
};
