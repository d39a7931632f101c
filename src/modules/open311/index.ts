import type { FastifyInstance } from 'fastify';
import { registerApiKeyRoutes } from './api-keys.routes.js';
import { registerOpen311Protocol, type Open311Deps } from './open311.routes.js';

/**
 * The Open311 module's one public door: the GeoReport v2 endpoints under /open311/v2 (spec error
 * lists, XML and JSON) and the admins' API-key endpoints under /api/v1/open311/api-keys
 * (problem+json, permission 'integration.write'). Call it inside buildApp, before the app is ready.
 */
export function registerOpen311(app: FastifyInstance, deps: Open311Deps): void {
  registerApiKeyRoutes(app, deps);
  registerOpen311Protocol(app, deps);
}

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
