import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { generatePassword, hashPassword } from '../../../kernel/auth/password.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateAccountBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { personStore } from '../store/person.store.js';
import { loadUnitInScope } from './load-unit.js';
import { checkRoles } from './account-access.js';

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
        throw new Invalid('account.unit_retired', 'the unit is retired', [
          { field: 'unitId', code: 'unit.is_retired', message: 'the unit is retired' },
        ]);
      if (input.personId) {
        const p = await personStore.findById(trx, input.personId);
        if (!p || !inScope(actor, p.unit_path))
          throw new Invalid('account.unknown_person', `person ${input.personId} does not exist or is out of scope`, [
            { field: 'personId', code: 'person.missing_or_out_of_scope', message: 'no such person in scope' },
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
      throw new Conflict(
        'account.username_taken',
        `username ${input.username} is taken`,
        [{ field: 'username', code: 'account.username_exists', message: 'username taken' }],
        { username: input.username },
      );
    throw err;
  }
}
