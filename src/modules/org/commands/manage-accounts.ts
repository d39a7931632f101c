import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { generatePassword, hashPassword } from '../../../kernel/auth/password.js';
import type { RoleCode } from '../../../kernel/auth/roles.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateAccountBody, UpdateAccountBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { personStore } from '../store/person.store.js';
import { loadUnitInScope } from './load-unit.js';

/** Only an admin hands out the admin role; nobody grants roles beyond their own scope. */
function checkRoles(actor: Actor, roles: RoleCode[]): void {
  if (roles.includes('admin') && !actor.roles.includes('admin')) {
    throw new Forbidden('account.role_not_grantable', '只有系统管理员可以授予系统管理员角色');
  }
}

async function loadAccountInScope(ex: Executor, actor: Actor, id: string) {
  const row = await accountStore.findById(ex, id);
  if (!row || !inScope(actor, row.unit_path)) throw new NotFound('account', id);
  return row;
}

export async function listAccounts(deps: OrgDeps, actor: Actor, input: { unitId?: string; q?: string }) {
  const db = deps.database.db;
  const unitPath = input.unitId ? (await loadUnitInScope(db, actor, input.unitId)).path : undefined;
  const rows = await accountStore.list(db, deps.database.dialect, { scopePath: actor.scopePath, unitPath, q: input.q });
  return { items: rows };
}

export async function createAccount(
  deps: OrgDeps,
  actor: Actor,
  input: z.infer<typeof CreateAccountBody>,
  requestId?: string,
) {
  checkRoles(actor, input.roles);
  const now = deps.clock.now();
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const unit = await loadUnitInScope(trx, actor, input.unitId);
      if (unit.status !== 'active')
        throw new Invalid('account.unit_retired', '所属单位已撤销', [{ field: 'unitId', message: '单位已撤销' }]);
      if (input.personId) {
        const p = await personStore.findById(trx, input.personId);
        if (!p || !inScope(actor, p.unit_path))
          throw new Invalid('account.unknown_person', '关联人员不存在', [
            { field: 'personId', message: '人员不存在或不在数据范围内' },
          ]);
      }
      const id = newId(now.getTime());
      await accountStore.insert(trx, {
        id,
        district_code: unit.district_code,
        username: input.username,
        display_name: input.displayName,
        unit_id: unit.id,
        person_id: input.personId ?? null,
        roles: JSON.stringify([...new Set(input.roles)]),
        password_hash: hash,
        must_change_password: 1,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(trx, {
        actor,
        action: 'account.create',
        entityType: 'account',
        entityId: id,
        at: now,
        requestId,
        summary: `新建账号 ${input.username}（${input.displayName}）`,
        after: { username: input.username, unitId: unit.id, roles: input.roles },
      });
      return { account: (await accountStore.findById(trx, id))!, temporaryPassword };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Conflict('account.username_taken', `用户名 ${input.username} 已存在`, [
        { field: 'username', message: '用户名已存在' },
      ]);
    throw err;
  }
}

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
      throw new Invalid('account.self_lockout', '不能停用自己的账号或去掉自己的管理员角色', [
        { field: input.disabled ? 'disabled' : 'roles', message: '会把自己锁在系统之外' },
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

export async function resetPassword(deps: OrgDeps, actor: Actor, id: string, requestId?: string) {
  const now = deps.clock.now();
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadAccountInScope(trx, actor, id);
    if (JSON.parse(row.roles).includes('admin') && !actor.roles.includes('admin')) {
      throw new Forbidden('account.reset_denied', '只有系统管理员可以重置管理员的密码');
    }
    await accountStore.update(trx, id, {
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    });
    await accountStore.revokeSessions(trx, id, now.toISOString(), 'session');
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
