import { Forbidden } from '../errors.js';
import type { Permission, RoleCode } from './roles.js';

/** Who is acting: resolved once per request by the auth hook and passed into every command. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  districtCode: string;
  unitId: string;
  /** Materialized path of the scope unit: the actor sees every unit whose path starts with it. */
  scopePath: string;
  roles: RoleCode[];
  permissions: ReadonlySet<Permission>;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new Forbidden('auth.permission_denied', `your roles do not grant ${permission}`);
  }
}

/** Refuses unless the actor holds at least one of the permissions. */
export function authorizeAny(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => can(actor, p))) {
    throw new Forbidden('auth.permission_denied', `your roles do not grant ${permissions.join(' or ')}`);
  }
}

/** Data scope (数据权限): a unit path is in scope when it lies in the actor's unit subtree. */
export function inScope(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.scopePath);
}
