import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { createEventBus } from '../../../kernel/events/events.js';
import type { CaseReported } from '../case-events.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the ledger's events`, () => {
    let h: Harness;
    let admin: string;
    const events = createEventBus();
    beforeAll(async () => {
      h = await openHarness(tdb, {}, { events });
      admin = await h.login('admin');
    }, 60_000);
    afterAll(async () => h?.close());

    const report = (description: string) =>
      h.call('POST', '/api/v1/cases', {
        cookie: admin,
        body: { categoryCode: '5201', description, address: '城郊某地块' },
      });

    it('emits case.reported in the report’s transaction, with what a listener needs', async () => {
      const seen: CaseReported[] = [];
      const off = events.on('case.reported', async (trx, e) => {
        // Inside the transaction: the case is already readable through it.
        const row = await trx.selectFrom('cases').select('case_number').where('id', '=', e.caseId).executeTakeFirst();
        expect(row?.case_number).toBe(e.caseNumber);
        seen.push(e);
      });
      const r = await report('疑似违法占用耕地');
      off();
      expect(r.statusCode, r.body).toBe(201);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ caseId: r.json().id, categoryCode: '5201', location: null, gridPath: null });
    });

    it('makes no case when a listener throws', async () => {
      const count = async () =>
        Number(
          (
            await h.database.db
              .selectFrom('cases')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const off = events.on('case.reported', async () => {
        throw new Error('listener failed');
      });
      const r = await report('另一处');
      off();
      expect(r.statusCode).toBe(500);
      expect(await count()).toBe(before);
    });
  });
}
