import type { Actor } from '../../../kernel/auth/actor.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../../kernel/auth/password.js';
import { createSession, hashToken, revokeSession } from '../../../kernel/auth/sessions.js';
import { permissionsOf, type RoleCode } from '../../../kernel/auth/roles.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { DomainError, Invalid, TooMany } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a throwaway hash keeps the timing of "no such user" and "wrong password" alike.
let dummyHash: Promise<string> | null = null;

function wrongCredentials(): DomainError {
  return new DomainError('unauthenticated', 'auth.invalid_credentials', '用户名或密码错误');
}

export async function login(deps: OrgDeps, input: { username: string; password: string }, requestId?: string) {
  const now = deps.clock.now();
  const db = deps.database.db;
  const account = await accountStore.findByUsername(db, input.username.trim().toLowerCase());
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password-1');
    await verifyPassword(input.password, await dummyHash);
    throw wrongCredentials();
  }
  if (account.locked_until && account.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(account.locked_until) - now.getTime()) / 1000);
    throw new TooMany('auth.locked', `连续登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
  }
  const ok = await verifyPassword(input.password, account.password_hash);
  if (!ok || account.disabled) {
    await db.transaction().execute(async (trx) => {
      const failed = account.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await accountStore.update(trx, account.id, { failed_logins: lock ? 0 : failed, locked_until: lock });
      await recordAudit(trx, {
        actor: null,
        districtCode: account.district_code,
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entityType: 'account',
        entityId: account.id,
        at: now,
        requestId,
        summary: lock
          ? `账号 ${account.username} 连续 ${MAX_FAILED_LOGINS} 次登录失败，锁定 ${LOCK_MINUTES} 分钟`
          : `账号 ${account.username} 登录失败`,
      });
    });
    if (account.disabled && ok) throw new DomainError('unauthenticated', 'auth.disabled', '账号已停用，请联系管理员');
    throw wrongCredentials();
  }
  return db.transaction().execute(async (trx) => {
    await accountStore.update(trx, account.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: now.toISOString(),
    });
    const token = await createSession(trx, {
      accountId: account.id,
      districtCode: account.district_code,
      kind: 'session',
      now,
      ttlHours: deps.config.sessionTtlHours,
    });
    await recordAudit(trx, {
      actor: null,
      actorRef: { id: account.id, name: account.display_name },
      districtCode: account.district_code,
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
      at: now,
      requestId,
      summary: `账号 ${account.username} 登录`,
    });
    return { token, accountId: account.id };
  });
}

export async function logout(deps: OrgDeps, token: string): Promise<void> {
  await revokeSession(deps.database.db, token, deps.clock.now());
}

export async function changePassword(
  deps: OrgDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentToken: string | null,
  requestId?: string,
) {
  const now = deps.clock.now();
  const account = (await accountStore.findById(deps.database.db, actor.accountId))!;
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw new Invalid('auth.wrong_current_password', '当前密码不正确', [
      { field: 'currentPassword', message: '当前密码不正确' },
    ]);
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new Invalid('auth.weak_password', problem, [{ field: 'newPassword', message: problem }]);
  if (input.newPassword === input.currentPassword) {
    throw new Invalid('auth.same_password', '新密码不能与当前密码相同', [
      { field: 'newPassword', message: '新密码不能与当前密码相同' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await deps.database.db.transaction().execute(async (trx) => {
    await accountStore.update(trx, actor.accountId, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    // Other sessions of this account end; the one that changed the password stays logged in.
    await trx
      .updateTable('sessions')
      .set({ revoked_at: now.toISOString() })
      .where('account_id', '=', actor.accountId)
      .where('kind', '=', 'session')
      .where('revoked_at', 'is', null)
      .$if(currentToken !== null, (qb) => qb.where('token_hash', '!=', hashToken(currentToken!)))
      .execute();
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
