import { hashPassword, verifyPassword } from '../../../kernel/auth/password.js';
import { createSession } from '../../../kernel/auth/sessions.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { DomainError, TooMany } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a throwaway hash keeps the timing of "no such user" and "wrong password" alike.
let dummyHash: Promise<string> | null = null;

function wrongCredentials(): DomainError {
  return new DomainError('unauthenticated', 'auth.invalid_credentials', 'wrong username or password');
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
    throw new TooMany('auth.locked', `locked after too many failed logins for ${seconds} s`, seconds, {
      minutes: Math.ceil(seconds / 60),
    });
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
    if (account.disabled && ok) throw new DomainError('unauthenticated', 'auth.disabled', 'the account is disabled');
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
