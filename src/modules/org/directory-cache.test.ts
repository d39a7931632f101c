import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/db.js';
import type { UnitTable } from '../../kernel/db/schema.js';
import { testDatabases } from '../../kernel/db/test-databases.js';
import { DirectoryCache } from './directory-cache.js';
import { unitStore } from './store/unit.store.js';

const AT = '2026-11-29T00:00:00.000Z';

function unit(id: string, parent: UnitTable | null, name: string): UnitTable {
  return {
    id,
    district_code: '411602',
    parent_id: parent?.id ?? null,
    kind: parent ? 'community' : 'district',
    code: parent ? null : '411602',
    name,
    status: 'active',
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    sort_order: 0,
    created_at: AT,
    updated_at: AT,
    retired_at: null,
  };
}

function account(id: string, unitId: string, roles: string[], disabled = 0) {
  return {
    id,
    district_code: '411602',
    username: id,
    display_name: id,
    unit_id: unitId,
    person_id: null,
    roles: JSON.stringify(roles),
    password_hash: 'x',
    must_change_password: 0,
    disabled,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: null,
    created_at: AT,
    updated_at: AT,
  };
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: org directory cache`, () => {
    let database: Database;
    const root = unit('d0000000-0000-7000-8000-000000000001', null, '川汇区');
    const child = unit('d0000000-0000-7000-8000-000000000002', root, '七一路社区');
    beforeAll(async () => {
      database = await tdb.open();
      await database.db.insertInto('units').values([root, child]).execute();
      await database.db
        .insertInto('accounts')
        .values([
          account('acc-a', child.id, ['community']),
          account('acc-b', root.id, ['district_leader']),
          account('acc-off', child.id, ['community'], 1),
        ])
        .execute();
    });
    afterAll(async () => database?.close());

    it('serves units and active accounts from memory until the org writes', async () => {
      const cache = new DirectoryCache();
      const db = database.db;
      expect([...(await cache.unitsByIds(db, [child.id, root.id, 'nope'])).keys()].sort()).toEqual(
        [root.id, child.id].sort(),
      );
      expect((await cache.activeAccountsOf(db, [root.id, child.id])).map((a) => a.id).sort()).toEqual([
        'acc-a',
        'acc-b',
      ]);

      // A write behind the org's back is not seen within the recheck period…
      await db.updateTable('units').set({ name: '七一路街道' }).where('id', '=', child.id).execute();
      expect((await cache.unitsByIds(db, [child.id])).get(child.id)!.name).toBe('七一路社区');
      // …a write through the org's store is seen at once.
      await unitStore.update(db, child.id, { name: '七一路新社区', updated_at: '2026-11-29T01:00:00.000Z' });
      expect((await cache.unitsByIds(db, [child.id])).get(child.id)!.name).toBe('七一路新社区');
    });

    it("notices another process's write through the tables' version after the recheck period", async () => {
      let now = 0;
      const cache = new DirectoryCache(5_000, () => now);
      const db = database.db;
      expect((await cache.activeAccountsOf(db, [child.id])).map((a) => a.id)).toEqual(['acc-a']);
      // As another process would: no orgChanged() here.
      await db
        .updateTable('accounts')
        .set({ disabled: 0, updated_at: '2026-11-29T02:00:00.000Z' })
        .where('id', '=', 'acc-off')
        .execute();
      now = 4_000;
      expect((await cache.activeAccountsOf(db, [child.id])).map((a) => a.id)).toEqual(['acc-a']);
      now = 5_001;
      expect((await cache.activeAccountsOf(db, [child.id])).map((a) => a.id).sort()).toEqual(['acc-a', 'acc-off']);
    });

    it('drops what it read inside a transaction that rolled back, by the next recheck', async () => {
      let now = 0;
      const cache = new DirectoryCache(5_000, () => now);
      const db = database.db;
      await cache.unitsByIds(db, [root.id]);
      const ghost = unit('d0000000-0000-7000-8000-000000000003', root, '幽灵社区');
      await expect(
        db.transaction().execute(async (trx) => {
          await unitStore.insert(trx, { ...ghost, updated_at: '2026-11-29T03:00:00.000Z' });
          expect((await cache.unitsByIds(trx, [ghost.id])).has(ghost.id)).toBe(true);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      now = 5_001;
      expect((await cache.unitsByIds(db, [ghost.id])).has(ghost.id)).toBe(false);
    });
  });
}
