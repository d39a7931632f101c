import type { Actor } from '../../../kernel/auth/actor.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../../kernel/auth/password.js';
import { hashToken } from '../../../kernel/auth/sessions.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { sessionStore } from '../store/session.store.js';
import { passwordGate } from './password-throttle.js';

export async function changePassword(
  deps: OrgDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentToken: string | null,
  requestId: string | undefined,
  client: string,
) {
  const now = deps.clock.now();
  // Guessing the current password from a session is throttled like guessing it at the login.
  const gate = passwordGate(deps, actor.username, client);
  await gate.check();
  const account = (await accountStore.findById(deps.database.db, actor.accountId))!;
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    await gate.fail();
    throw new Invalid('auth.wrong_current_password', 'the current password is wrong', [
      { field: 'currentPassword', code: 'auth.wrong_current_password', message: 'the current password is wrong' },
    ]);
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new Invalid('auth.weak_password', problem, [{ field: 'newPassword', message: problem }]);
  if (input.newPassword === input.currentPassword) {
    throw new Invalid('auth.same_password', 'the new password equals the current one', [
      { field: 'newPassword', code: 'auth.same_password', message: 'the new password equals the current one' },
    ]);
  }
  await gate.succeed();
  const hash = await hashPassword(input.newPassword);
  await deps.database.db.transaction().execute(async (trx) => {
    await accountStore.update(trx, actor.accountId, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    // Other sessions of this account end; the one that changed the password stays logged in.
    await sessionStore.revokeOtherSessions(
      trx,
      actor.accountId,
      now.toISOString(),
      currentToken !== null ? hashToken(currentToken) : null,
    );
    // Every API token of the account ends too: one leaked with the old password must not outlive it.
    await accountStore.revokeSessions(trx, actor.accountId, now.toISOString(), 'api_token');
    await recordAudit(trx, {
      actor,
      action: 'auth.change_password',
      entityType: 'account',
      entityId: actor.accountId,
      at: now,
      requestId,
      summary: `账号 ${actor.username} 修改密码`,
    });
  });
}
