import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { runSlot } from '../../../kernel/jobs/scheduler.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { idempotencyKeyPruneJob, IDEMPOTENCY_KEY_TTL_MS } from './prune-idempotency-keys.js';

const DAY = 86_400_000;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: expiry of Idempotency-Keys`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(tdb);
    });
    afterAll(async () => h?.close());

    it('deletes only the keys older than seven days, once per daily slot', async () => {
      const db = h.database.db;
      const admin = await db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const now = new Date('2026-12-10T03:00:00.000Z');
      const ages: Record<string, number> = {
        eightDays: 8 * DAY,
        justOver: IDEMPOTENCY_KEY_TTL_MS + 1,
        exactlySeven: IDEMPOTENCY_KEY_TTL_MS,
        sixDays: 6 * DAY,
        fresh: 0,
      };
      await db
        .insertInto('idempotency_keys')
        .values(
          Object.entries(ages).map(([key, age]) => ({
            account_id: admin.id,
            key,
            operation: 'case.report',
            district_code: '411602',
            request_hash: '0'.repeat(64),
            entity_id: '01900000-0000-7000-8000-000000000000',
            created_at: new Date(now.getTime() - age).toISOString(),
          })),
        )
        .execute();
      const left = async () =>
        (await db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()).map((r) => r.key);

      const job = idempotencyKeyPruneJob({ database: h.database });
      expect(job.name).toBe('cases.idempotency_keys');
      const first = await runSlot(db, job, now);
      expect(first).toEqual({ ran: true, result: { deleted: 2 } });
      expect(await left()).toEqual(['exactlySeven', 'fresh', 'sixDays']);

      // The same day again, here or in another process: the slot has run.
      const racing = await Promise.all([
        runSlot(db, job, new Date(now.getTime() + 3_600_000)),
        runSlot(db, job, new Date(now.getTime() + 7_200_000)),
      ]);
      expect(racing.map((r) => r.ran)).toEqual([false, false]);

      const nextDay = await runSlot(db, job, new Date(now.getTime() + DAY));
      expect(nextDay).toEqual({ ran: true, result: { deleted: 1 } });
      expect(await left()).toEqual(['fresh', 'sixDays']);
    });
  });
}
