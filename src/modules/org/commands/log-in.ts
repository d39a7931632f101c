import { hashPassword, verifyPassword } from '../../../kernel/auth/password.js';
import { createSession } from '../../../kernel/auth/sessions.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { DomainError } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { passwordGate } from './password-throttle.js';

// Verifying against a throwaway hash keeps the timing of "no such user" and "wrong password" alike.
let dummyHash: Promise<string> | null = null;

function wrongCredentials(): DomainError {
  return new DomainError('unauthenticated', 'auth.invalid_credentials', 'wrong username or password');
}

/**
 * `client` is the caller's address: wrong passwords are counted per username and client
 * (domain/login-throttle.ts), the same for a missing account as for an existing one.
 */
export async function login(
  deps: OrgDeps,
  input: { username: string; password: string },
  requestId: string | undefined,
  client: string,
) {
  const now = deps.clock.now();
  const db = deps.database.db;
  const gate = passwordGate(deps, input.username, client);
  await gate.check();
  const account = await accountStore.findByUsername(db, input.username.trim().toLowerCase());
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password-1');
    await verifyPassword(input.password, await dummyHash);
    await gate.fail();
    throw wrongCredentials();
  }
  const ok = await verifyPassword(input.password, account.password_hash);
  if (!ok || account.disabled) {
    const failures = await gate.fail();
    await recordAudit(db, {
      actor: null,
      districtCode: account.district_code,
      action: 'auth.login_failed',
      entityType: 'account',
      entityId: account.id,
      at: now,
      requestId,
      summary: `账号 ${account.username} 登录失败（该地址第 ${failures} 次）`,
    });
    if (account.disabled && ok) throw new DomainError('unauthenticated', 'auth.disabled', 'the account is disabled');
    throw wrongCredentials();
  }
  await gate.succeed();
  return db.transaction().execute(async (trx) => {
    await accountStore.update(trx, account.id, { last_login_at: now.toISOString() });
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
