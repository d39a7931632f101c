import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/db.js';
import { testDatabases } from '../db/test-databases.js';
import { pruneJobRunsJob, runSlot, slotOf } from './scheduler.js';

describe('slotOf', () => {
  it('puts moments of one period in one slot', () => {
    expect(slotOf(new Date('2026-11-30T02:00:59Z'), 60_000)).toBe(slotOf(new Date('2026-11-30T02:00:00Z'), 60_000));
    expect(slotOf(new Date('2026-11-30T02:01:00Z'), 60_000)).not.toBe(slotOf(new Date('2026-11-30T02:00:59Z'), 60_000));
  });
});

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: scheduled jobs`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
    });
    afterAll(async () => database?.close());

    it('runs a slot exactly once when several runners race for it', async () => {
      let runs = 0;
      const job = {
        name: 'test.race',
        everyMs: 60_000,
        run: async () => {
          runs++;
          return { ok: true };
        },
      };
      const now = new Date('2026-11-30T02:00:10Z');
      const results = await Promise.all(Array.from({ length: 5 }, () => runSlot(database.db, job, now)));
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      expect(runs).toBe(1);
      const next = await runSlot(database.db, job, new Date('2026-11-30T02:01:10Z'));
      expect(next.ran).toBe(true);
      expect(runs).toBe(2);
    });

    it('forgets slot claims made before the kept period, once a day', async () => {
      const db = database.db;
      const claim = (job: string, slot: string) =>
        db.insertInto('job_runs').values({ job, slot, started_at: slot, finished_at: slot, result: '{}' }).execute();
      await claim('test.old', '2026-10-01T00:00:00.000Z');
      // A claim named by a period, not an instant, made long ago.
      await db
        .insertInto('job_runs')
        .values({
          job: 'remind:test',
          slot: '2026',
          started_at: '2026-01-31T15:00:00.000Z',
          finished_at: null,
          result: null,
        })
        .execute();
      await claim('test.old', '2026-10-30T23:59:00.000Z');
      await claim('test.recent', '2026-11-01T04:00:00.000Z');
      const now = new Date('2026-12-01T03:00:00Z');
      const first = await runSlot(db, pruneJobRunsJob(db, 30), now);
      expect(first.result).toMatchObject({ deleted: 3, before: '2026-11-01T03:00:00.000Z' });
      expect(await runSlot(db, pruneJobRunsJob(db, 30), new Date('2026-12-01T20:00:00Z'))).toEqual({ ran: false });
      const left = await db
        .selectFrom('job_runs')
        .select(['job', 'slot'])
        .where('job', 'in', ['test.old', 'test.recent', 'jobs.prune', 'remind:test'])
        .orderBy('slot')
        .execute();
      expect(left).toEqual([
        { job: 'test.recent', slot: '2026-11-01T04:00:00.000Z' },
        { job: 'jobs.prune', slot: '2026-12-01T00:00:00.000Z' },
      ]);
    });
  });
}
