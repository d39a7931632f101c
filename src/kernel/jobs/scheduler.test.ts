import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/db.js';
import { testDatabases } from '../db/test-databases.js';
import { runSlot, slotOf } from './scheduler.js';

describe('slotOf', () => {
  it('puts moments of one period in one slot', () => {
    expect(slotOf(new Date('2026-11-30T02:00:59Z'), 60_000)).toBe(slotOf(new Date('2026-11-30T02:00:00Z'), 60_000));
    expect(slotOf(new Date('2026-11-30T02:01:00Z'), 60_000)).not.toBe(slotOf(new Date('2026-11-30T02:00:59Z'), 60_000));
  });
});

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: scheduled jobs`, () => {
    let database: Database;
    beforeAll(async () => { database = await tdb.open(); });
    afterAll(async () => database?.close());

    it('runs a slot exactly once when several runners race for it', async () => {
      let runs = 0;
      const job = { name: 'test.race', everyMs: 60_000, run: async () => { runs++; return { ok: true }; } };
      const now = new Date('2026-11-30T02:00:10Z');
      const results = await Promise.all(Array.from({ length: 5 }, () => runSlot(database.db, job, now)));
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      expect(runs).toBe(1);
      const next = await runSlot(database.db, job, new Date('2026-11-30T02:01:10Z'));
      expect(next.ran).toBe(true);
      expect(runs).toBe(2);
    });
  });
}
