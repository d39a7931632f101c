import type { Actor } from '../../../kernel/auth/actor.js';
import { permissionsOf, type RoleCode } from '../../../kernel/auth/roles.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';

export async function me(deps: OrgDeps, actor: Actor, mustChangePassword: boolean) {
  const account = (await accountStore.findById(deps.database.db, actor.accountId))!;
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    unitId: account.unit_id,
    unitName: account.unit_name,
    roles: actor.roles,
    permissions: permissionsOf(actor.roles as RoleCode[]),
    mustChangePassword,
  };
}
