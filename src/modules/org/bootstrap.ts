import type { Config } from '../../kernel/config.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import { generatePassword, hashPassword } from '../../kernel/auth/password.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { newId } from '../../kernel/ids.js';
import { accountStore } from './store/account.store.js';
import { unitStore } from './store/unit.store.js';

export interface BootstrapResult {
  created: boolean;
  districtId: string;
  /** Set only when the admin password was generated: print it once, it is stored nowhere in clear. */
  generatedAdminPassword: string | null;
}

/**
 * On an empty database: the district root unit and the first admin account ('admin'). A password
 * from CIVICGRID_ADMIN_PASSWORD is trusted as chosen; a generated one must be changed at first login.
 */
export async function bootstrapDistrict(database: Database, config: Config, clock: Clock): Promise<BootstrapResult> {
  const db = database.db;
  const existingId = await unitStore.districtRootId(db, config.districtCode);
  if (existingId) return { created: false, districtId: existingId, generatedAdminPassword: null };
  const now = clock.now();
  const password = config.adminPassword ?? generatePassword();
  const hash = await hashPassword(password);
  const districtId = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await unitStore.insert(trx, {
      id: districtId,
      district_code: config.districtCode,
      parent_id: null,
      kind: 'district',
      code: config.districtCode,
      name: config.districtName,
      status: 'active',
      path: `/${districtId}/`,
      depth: 0,
      sort_order: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      retired_at: null,
    });
    const adminId = newId(now.getTime());
    await accountStore.insert(trx, {
      id: adminId,
      district_code: config.districtCode,
      username: 'admin',
      display_name: '系统管理员',
      unit_id: districtId,
      person_id: null,
      roles: JSON.stringify(['admin']),
      password_hash: hash,
      must_change_password: config.adminPassword ? 0 : 1,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor: null,
      districtCode: config.districtCode,
      action: 'system.bootstrap',
      entityType: 'unit',
      entityId: districtId,
      at: now,
      summary: `初始化${config.districtName}（${config.districtCode}）与管理员账号 admin`,
    });
  });
  return { created: true, districtId, generatedAdminPassword: config.adminPassword ? null : password };
}
