import type { FastifyInstance } from 'fastify';
import type { OrgDeps } from './deps.js';
import { registerAuthRoutes } from './http/auth.routes.js';
import { registerOrgRoutes } from './http/org.routes.js';

export type { OrgDeps } from './deps.js';
export { LocateService } from './locate-service.js';

/** The org module's one public door: units, boundaries, locate, people, accounts and login. */
export function registerOrg(app: FastifyInstance, deps: OrgDeps): void {
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app, deps);
}
export { createOrgApi, type OrgApi, type UnitRef, type LocatedPoint } from './public-api.js';
export { orgChanged } from './directory-cache.js';
export { createUnitMoves, type UnitMoves, type UnitMoved, type UnitMovedListener } from './unit-moves.js';
