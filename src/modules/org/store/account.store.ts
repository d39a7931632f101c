import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { AccountTable } from '../../../kernel/db/schema.js';
import { orgChanged } from '../directory-cache.js';

export type AccountRow = AccountTable & { unit_name: string; unit_path: string };

function base(ex: Executor) {
  return ex
    .selectFrom('accounts as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path']);
}

export const accountStore = {
  async findById(ex: Executor, id: string): Promise<AccountRow | undefined> {
    return base(ex).where('a.id', '=', id).executeTakeFirst();
  },
  async findByUsername(ex: Executor, username: string): Promise<AccountRow | undefined> {
    return base(ex).where('a.username', '=', username).executeTakeFirst();
  },
  async list(
    ex: Executor,
    dialect: Dialect,
    f: { scopePath: string; unitPath?: string; q?: string },
  ): Promise<AccountRow[]> {
    if (f.unitPath && !f.unitPath.startsWith(f.scopePath)) return [];
    let query = base(ex).where(startsWith('u.path', f.unitPath ?? f.scopePath));
    if (f.q) {
      const needle = f.q;
      query = query.where((eb) =>
        eb.or([containsText(dialect, 'a.username', needle), containsText(dialect, 'a.display_name', needle)]),
      );
    }
    return query.orderBy('u.path').orderBy('a.username').limit(1000).execute();
  },
  /** What acting as an account needs: its identity, roles and unit path. */
  async identityByUsername(ex: Executor, username: string) {
    return ex
      .selectFrom('accounts as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.username', 'a.display_name', 'a.district_code', 'a.unit_id', 'a.roles', 'u.path'])
      .where('a.username', '=', username)
      .executeTakeFirstOrThrow();
  },
  /** Names, roles and units of these accounts. */
  async refsByIds(ex: Executor, ids: string[]) {
    return ex
      .selectFrom('accounts')
      .select(['id', 'display_name', 'roles', 'unit_id', 'district_code', 'disabled'])
      .where('id', 'in', ids)
      .execute();
  },
  /** The district's enabled accounts, by name. */
  async activeRefsInDistrict(ex: Executor, districtCode: string) {
    return ex
      .selectFrom('accounts')
      .select(['id', 'display_name', 'roles', 'unit_id', 'district_code', 'disabled'])
      .where('district_code', '=', districtCode)
      .where('disabled', '=', 0)
      .orderBy('display_name')
      .execute();
  },
  async insert(ex: Executor, row: AccountTable): Promise<void> {
    await ex.insertInto('accounts').values(row).execute();
    orgChanged();
  },
  async update(ex: Executor, id: string, patch: Partial<AccountTable>): Promise<void> {
    await ex.updateTable('accounts').set(patch).where('id', '=', id).execute();
    orgChanged();
  },
  async revokeSessions(ex: Executor, accountId: string, now: string, kind?: 'session' | 'api_token'): Promise<void> {
    let q = ex
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null);
    if (kind) q = q.where('kind', '=', kind);
    await q.execute();
  },
};
