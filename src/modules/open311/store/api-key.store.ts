import type { Executor } from '../../../kernel/db/db.js';
import type { Open311ApiKeyTable } from '../../../kernel/db/schema.js';

/** Open311 API keys; only a key's sha256 is stored. */
export const apiKeyStore = {
  async find(ex: Executor, districtCode: string, id: string): Promise<Open311ApiKeyTable | undefined> {
    return ex
      .selectFrom('open311_api_keys')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  /** Whether the district has an active key of this name. */
  async activeNameTaken(ex: Executor, districtCode: string, name: string): Promise<boolean> {
    const r = await ex
      .selectFrom('open311_api_keys')
      .select('id')
      .where('district_code', '=', districtCode)
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return r !== undefined;
  },
  async insert(ex: Executor, row: Open311ApiKeyTable): Promise<void> {
    await ex.insertInto('open311_api_keys').values(row).execute();
  },
  /** A district's keys, newest first. */
  async list(ex: Executor, districtCode: string): Promise<Open311ApiKeyTable[]> {
    return ex
      .selectFrom('open311_api_keys')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('id', 'desc')
      .execute();
  },
  /** Revokes a key not revoked yet; false when it already was. */
  async revoke(ex: Executor, id: string, at: string): Promise<boolean> {
    const r = await ex
      .updateTable('open311_api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async findByHash(ex: Executor, keyHash: string): Promise<Open311ApiKeyTable | undefined> {
    return ex.selectFrom('open311_api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  },
  async touch(ex: Executor, id: string, at: string): Promise<void> {
    await ex.updateTable('open311_api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};
