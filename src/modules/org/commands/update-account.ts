import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import type { UpdateAccountBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { loadUnitInScope } from './load-unit.js';
import { checkRoles, loadAccountInScope } from './account-access.js';

export async function updateAccount(
  deps: OrgDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateAccountBody>,
  requestId?: string,
) {
  if (input.roles) checkRoles(actor, input.roles);
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await loadAccountInScope(trx, actor, id);
    if (
      id === actor.accountId &&
      (input.disabled || (input.roles && !input.roles.includes('admin') && actor.roles.includes('admin')))
    ) {
      throw new Invalid('account.self_lockout', 'cannot disable oneself or drop one’s own admin role', [
        {
          field: input.disabled ? 'disabled' : 'roles',
          code: 'account.would_lock_out',
          message: 'would lock oneself out',
        },
      ]);
    }
    if (input.unitId) await loadUnitInScope(trx, actor, input.unitId);
    await accountStore.update(trx, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.roles !== undefined ? { roles: JSON.stringify([...new Set(input.roles)]) } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    });
    if (input.disabled) await accountStore.revokeSessions(trx, id, now.toISOString());
    await recordAudit(trx, {
      actor,
      action: 'account.update',
      entityType: 'account',
      entityId: id,
      at: now,
      requestId,
      summary: `修改账号 ${before.username}`,
      before: {
        displayName: before.display_name,
        unitId: before.unit_id,
        roles: JSON.parse(before.roles),
        disabled: before.disabled === 1,
      },
      after: input,
    });
    return (await accountStore.findById(trx, id))!;
  });
}
