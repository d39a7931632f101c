import type { Actor } from '../../../kernel/auth/actor.js';
import { generatePassword, hashPassword } from '../../../kernel/auth/password.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Forbidden } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { loginThrottleStore } from '../store/login-throttle.store.js';
import { loadAccountInScope } from './account-access.js';

export async function resetPassword(deps: OrgDeps, actor: Actor, id: string, requestId?: string) {
  const now = deps.clock.now();
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadAccountInScope(trx, actor, id);
    if (JSON.parse(row.roles).includes('admin') && !actor.roles.includes('admin')) {
      throw new Forbidden('account.reset_denied', "only an admin resets an admin's password");
    }
    await accountStore.update(trx, id, {
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    });
    // Sessions and API tokens alike: whoever held the old password may have minted tokens with it.
    await accountStore.revokeSessions(trx, id, now.toISOString());
    // The user starts afresh from every address (the throttle would otherwise hold the new password back).
    await loginThrottleStore.clearUsername(trx, row.username);
    await recordAudit(trx, {
      actor,
      action: 'account.reset_password',
      entityType: 'account',
      entityId: id,
      at: now,
      requestId,
      summary: `重置账号 ${row.username} 的密码`,
    });
  });
  return { temporaryPassword };
}
