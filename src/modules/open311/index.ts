import type { Module } from '../module.js';
import { registerApiKeyRoutes } from './api-keys.routes.js';
import { registerOpen311Protocol } from './open311.routes.js';

/**
 * Open311 GeoReport v2 under /open311/v2 (spec error lists, XML and JSON) and the admins' API-key
 * endpoints under /api/v1/open311/api-keys. The requests behind it come from the module that offers
 * an `open311Backend` (the problem ledger), or from a test's own backend.
 */
export const open311Module: Module = {
  name: 'open311',
  routes(app, ctx) {
    const backend = ctx.open311Backend ?? ctx.modules.find((m) => m.open311Backend)?.open311Backend?.(ctx);
    if (!backend) throw new Error('no module offers an Open311 backend');
    const deps = { database: ctx.database, clock: ctx.clock, config: ctx.config, backend };
    registerApiKeyRoutes(app, deps);
    registerOpen311Protocol(app, deps);
  },
};

export { OPEN311_PREFIX, type Open311Deps } from './open311.routes.js';
export type {
  Open311Attribute,
  Open311AttributeValue,
  Open311Backend,
  Open311Client,
  Open311Datatype,
  Open311NewRequest,
  Open311Request,
  Open311RequestFilter,
  Open311Service,
} from './open311.types.js';
