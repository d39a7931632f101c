import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';
import { inboxStore } from '../store/inbox.store.js';

/** 未读消息 on the 工作台: the account's own unread messages, counted by hand from the rows written. */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: unread messages on the 工作台`, () => {
    let f: DemoDistrict;
    const unread = async (who: string) => {
      const r = await f.call(who, 'GET', '/api/v1/workbench');
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { code: string; total: number; link: string }[]).find((i) => i.code === 'inbox.unread');
    };
    const ids: string[] = [];

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['dehua', 'chenzhou']);
      const base = await unread('dehua');
      expect(base?.total).toBe(0);
      const row = (accountId: string, readAt: string | null) => {
        const id = randomUUID();
        return {
          id,
          district_code: f.ctx.config.districtCode,
          account_id: accountId,
          kind: 'test',
          title: '测试消息',
          body: '正文',
          entity_type: null,
          entity_id: null,
          created_at: '2026-11-30T01:00:00.000Z',
          read_at: readAt,
        };
      };
      const rows = [
        row(f.me.dehua!.id, null),
        row(f.me.dehua!.id, null),
        row(f.me.dehua!.id, '2026-11-30T01:30:00.000Z'),
        row(f.me.chenzhou!.id, null),
      ];
      ids.push(...rows.map((r) => r.id));
      await inboxStore.insertMany(f.h.database.db, rows);
    });
    afterAll(() => f.h.close());

    it('counts the account’s own unread messages, and one fewer once one is read', async () => {
      // dehua: two unread of three; chenzhou: one.
      expect(await unread('dehua')).toMatchObject({ total: 2, link: '/inbox?unread=true' });
      expect((await unread('chenzhou'))?.total).toBe(1);
      expect((await f.call('dehua', 'POST', `/api/v1/inbox/${ids[0]}/read`, {})).statusCode).toBe(204);
      expect((await unread('dehua'))?.total).toBe(1);
      expect((await unread('chenzhou'))?.total).toBe(1);
    });
  });
}
