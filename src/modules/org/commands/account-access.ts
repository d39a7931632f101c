import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { RoleCode } from '../../../kernel/auth/roles.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, NotFound } from '../../../kernel/errors.js';
import { accountStore } from '../store/account.store.js';

/** Only an admin hands out the admin role; nobody grants roles beyond their own scope. */
export function checkRoles(actor: Actor, roles: RoleCode[]): void {
  if (roles.includes('admin') && !actor.roles.includes('admin')) {
    throw new Forbidden('account.role_not_grantable', 'only an admin grants the admin role');
  }
}

export async function loadAccountInScope(ex: Executor, actor: Actor, id: string) {
  const row = await accountStore.findById(ex, id);
  if (!row || !inScope(actor, row.unit_path)) throw new NotFound('account', id);
  return row;
}
