import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, testIdNumber, type PopulationFixture } from '../http/test-kit.js';
import { residentsByIdNumbers } from './screening-lookups.js';

for (const tdb of testDatabases()) {
  describe(`the dedupe lookup of a pushed-down list (${tdb.name})`, () => {
    let f: PopulationFixture;
    const known = [testIdNumber('19650302', 41), testIdNumber('19880815', 52), testIdNumber('19720101', 63)];
    let grid = '';
    beforeAll(async () => {
      f = await openPopulationFixture(tdb, ['dehua']);
      grid = f.grids.dehua[0]!.id;
      const household = (
        await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街1号', gridId: grid })
      ).json().id;
      for (const [i, idNumber] of known.entries()) {
        const r = await f.call('dehua', 'POST', '/api/v1/residents', {
          name: `居民${i}`,
          idNumber,
          householdId: household,
          residenceKind: 'registered',
        });
        expect(r.statusCode, r.body).toBe(201);
      }
    }, 120_000);
    afterAll(async () => f?.h.close());

    // Long enough for PostgreSQL's temporary-table path (over 5,000 numbers), with repeats.
    const list = [
      ...Array.from({ length: 6000 }, (_, i) => {
        const ymd = `19${50 + (i % 50)}0${1 + (Math.floor(i / 50) % 9)}1${Math.floor(i / 450) % 10}`;
        return testIdNumber(ymd, i % 1000).replace(/^411602/, '110105');
      }),
      ...known,
      known[0]!,
    ];
    it('has a list long enough for the temporary table', () => expect(new Set(list).size).toBe(6003));

    it('finds exactly the numbers on record with their household’s grid, in or outside a transaction', async () => {
      const db = f.h.database.db;
      const check = (found: Awaited<ReturnType<typeof residentsByIdNumbers>>) => {
        expect([...found.keys()].sort()).toEqual([...known].sort());
        for (const k of known) expect(found.get(k)).toMatchObject({ gridId: grid, idNumber: k });
      };
      check(await residentsByIdNumbers(db, f.h.database.dialect, '411602', list));
      await db.transaction().execute(async (trx) => {
        check(await residentsByIdNumbers(trx, f.h.database.dialect, '411602', list));
        // Twice in one transaction: each call's temporary table is its own.
        check(await residentsByIdNumbers(trx, f.h.database.dialect, '411602', list));
      });
      // A short list takes the plain query on both databases.
      check(await residentsByIdNumbers(db, f.h.database.dialect, '411602', known));
      expect((await residentsByIdNumbers(db, f.h.database.dialect, '411603', list)).size).toBe(0);
    });
  });
}
