import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import { Forbidden } from '../../../kernel/errors.js';
import type { SupervisionDeps } from '../deps.js';

/** The 区领导 accounts who may lead tasks (for pickers). */
export async function leaders(deps: SupervisionDeps, actor: Actor) {
  if (!can(actor, 'task.read')) throw new Forbidden('auth.permission_denied', 'task.read');
  const list = await deps.org.accountsWithRole(deps.database.db, actor.districtCode, 'district_leader');
  return { items: list.map((a) => ({ id: a.id, name: a.name })) };
}
