import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { placeStore } from '../store/place.store.js';
import { rollupStore } from '../store/rollup.store.js';
import { openPopulationFixture, type PopulationFixture } from './test-kit.js';

const USERS = ['dehua', 'wgy_dehua'];
const RESULTS = ['verified', 'absent', 'vacant', 'refused', 'other'] as const;
const TIMES = ['2026-11-28T03:00:00Z', '2026-11-29T03:00:00Z', '2026-11-30T01:00:00Z'];

/** A write of the ones that change coverage, by index into what exists when it runs. */
type Write =
  | { kind: 'round' }
  | { kind: 'household'; grid: number }
  | { kind: 'move'; household: number; grid: number }
  | { kind: 'retire'; household: number }
  | { kind: 'reinstate'; household: number }
  | { kind: 'visit'; round: number; household: number; result: number; time: number };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'round' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('household' as const), grid: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), household: fc.nat(), grid: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retire' as const), household: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reinstate' as const), household: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('visit' as const),
      round: fc.nat(),
      household: fc.nat(),
      result: fc.nat({ max: RESULTS.length - 1 }),
      time: fc.nat({ max: TIMES.length - 1 }),
    }),
  },
);

const sorted = (xs: object[]) => xs.map((x) => JSON.stringify(x)).sort();

for (const tdb of testDatabases()) {
  describe(`coverage roll-up (${tdb.name})`, () => {
    let f: PopulationFixture;
    let grids: string[] = [];
    const households: string[] = [];
    const rounds: string[] = [];

    const createRound = async () => {
      const r = await f.call('dehua', 'POST', '/api/v1/door-knock-rounds', {
        name: `走访${rounds.length + 1}`,
        scopeUnitId: f.units.dehua.id,
        startsOn: '2026-11-28',
        endsOn: '2026-12-05',
      });
      expect(r.statusCode, r.body).toBe(201);
      rounds.push(r.json().id);
    };
    const expectRollupIsFold = async () => {
      const db = f.h.database.db;
      const [stored, fold] = await Promise.all([rollupStore.stored(db), rollupStore.fold(db)]);
      expect(sorted(stored.grids)).toEqual(sorted(fold.grids));
      expect(sorted(stored.rounds)).toEqual(sorted(fold.rounds));
    };
    /** Coverage by grid as the routes read it (the roll-up) against a recount from the base tables. */
    const coverageOfRound = async (roundId: string) =>
      (await f.call('dehua', 'GET', `/api/v1/door-knock-rounds/${roundId}/coverage`)).json().total;

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      grids = f.grids.dehua.map((g) => g.id);
    }, 120_000);
    afterAll(async () => f?.h.close());

    it('equals its recompute from the base tables after any sequence of writes', async () => {
      await createRound();
      await fc.assert(
        fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 12 }), async (writes) => {
          for (const w of writes) {
            const h = households.length && 'household' in w ? households[w.household % households.length]! : null;
            switch (w.kind) {
              case 'round':
                await createRound();
                break;
              case 'household': {
                const r = await f.call('dehua', 'POST', '/api/v1/households', {
                  address: `德化街${households.length + 1}号`,
                  gridId: grids[w.grid % grids.length],
                });
                expect(r.statusCode, r.body).toBe(201);
                households.push(r.json().id);
                break;
              }
              case 'move':
                if (h) {
                  const r = await f.call('dehua', 'PATCH', `/api/v1/households/${h}`, {
                    gridId: grids[w.grid % grids.length],
                  });
                  expect(r.statusCode, r.body).toBe(200);
                }
                break;
              case 'retire':
              case 'reinstate':
                // No command retires a household yet; the store is where every such write goes through.
                if (h)
                  await f.h.database.db
                    .transaction()
                    .execute((trx) =>
                      placeStore.updateHousehold(trx, h, { status: w.kind === 'retire' ? 'retired' : 'active' }),
                    );
                break;
              case 'visit':
                if (h) {
                  const r = await f.call(
                    'dehua',
                    'POST',
                    `/api/v1/door-knock-rounds/${rounds[w.round % rounds.length]}/visits`,
                    {
                      householdId: h,
                      result: RESULTS[w.result],
                      visitedAt: TIMES[w.time],
                    },
                  );
                  expect(r.statusCode, r.body).toBe(201);
                }
                break;
            }
          }
          await expectRollupIsFold();
        }),
        { numRuns: 15 },
      );
      // And the routes' coverage is that of the recompute.
      const fold = await rollupStore.fold(f.h.database.db);
      for (const roundId of rounds) {
        const want = { households: 0, visited: 0, verified: 0, absentOnly: 0 };
        for (const g of fold.grids) want.households += g.households;
        for (const r of fold.rounds.filter((x) => x.round_id === roundId)) {
          want.visited += r.visited;
          want.verified += r.verified;
          want.absentOnly += r.absent_only;
        }
        expect(await coverageOfRound(roundId)).toMatchObject(want);
      }
    }, 180_000);

    it('moves a household’s state in every round, and its counts, to the grid it moves to', async () => {
      const [from, to] = [grids[0]!, grids[1]!];
      const h = (await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街搬迁1号', gridId: from })).json()
        .id as string;
      const visit = await f.call('dehua', 'POST', `/api/v1/door-knock-rounds/${rounds[0]}/visits`, {
        householdId: h,
        result: 'verified',
      });
      expect(visit.statusCode, visit.body).toBe(201);
      const db = f.h.database.db;
      const { district_code: dc } = await db
        .selectFrom('pop_households')
        .select('district_code')
        .where('id', '=', h)
        .executeTakeFirstOrThrow();
      const before = await rollupStore.coverage(db, dc, rounds[0]!, f.units.dehua.path);
      const moved = await f.call('dehua', 'PATCH', `/api/v1/households/${h}`, { gridId: to });
      expect(moved.statusCode, moved.body).toBe(200);
      const state = await db
        .selectFrom('pop_round_households')
        .select('grid_id')
        .where('household_id', '=', h)
        .executeTakeFirstOrThrow();
      expect(state.grid_id).toBe(to);
      const after = await rollupStore.coverage(db, dc, rounds[0]!, f.units.dehua.path);
      const diff = (grid: string, k: 'households' | 'visited' | 'verified') =>
        (after.get(grid)?.[k] ?? 0) - (before.get(grid)?.[k] ?? 0);
      expect([diff(from, 'households'), diff(from, 'visited'), diff(from, 'verified')]).toEqual([-1, -1, -1]);
      expect([diff(to, 'households'), diff(to, 'visited'), diff(to, 'verified')]).toEqual([1, 1, 1]);
      // The household shows visited on its new grid's door list, and no longer on the old one.
      const list = async (grid: string) =>
        (await f.call('dehua', 'GET', `/api/v1/door-knock-rounds/${rounds[0]}/households?gridId=${grid}`)).json()
          .items as { id: string; visits: number }[];
      expect((await list(to)).find((x) => x.id === h)).toMatchObject({ visits: 1 });
      expect((await list(from)).some((x) => x.id === h)).toBe(false);
      await expectRollupIsFold();
    });

    it('pages the door list by a limit and a cursor, the pages adding up to the whole list', async () => {
      const grid = grids[0]!;
      // Five more doors, two of them visited (so the gaps are a list of their own).
      for (let i = 1; i <= 5; i++) {
        const h = await f.call('dehua', 'POST', '/api/v1/households', { address: `德化街分页${i}号`, gridId: grid });
        expect(h.statusCode, h.body).toBe(201);
        if (i % 2 === 0)
          await f.call('dehua', 'POST', `/api/v1/door-knock-rounds/${rounds[0]}/visits`, {
            householdId: h.json().id,
            result: 'absent',
          });
      }
      const url = `/api/v1/door-knock-rounds/${rounds[0]}/households?gridId=${grid}`;
      const whole = (await f.call('dehua', 'GET', url)).json();
      expect(whole.nextCursor).toBeNull();
      expect(whole.items.length).toBeGreaterThan(4);
      for (const gaps of [false, true]) {
        const all = gaps ? (await f.call('dehua', 'GET', `${url}&gaps=true`)).json().items : (whole.items as unknown[]);
        const walked: unknown[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const r = await f.call(
            'dehua',
            'GET',
            `${url}&limit=2${gaps ? '&gaps=true' : ''}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(r.statusCode, r.body).toBe(200);
          expect(r.json().items.length).toBeLessThanOrEqual(2);
          walked.push(...r.json().items);
          cursor = r.json().nextCursor;
          pages++;
        } while (cursor);
        expect(walked).toEqual(all);
        expect(pages).toBe(Math.max(1, Math.ceil(all.length / 2)));
      }
      const bad = await f.call('dehua', 'GET', `${url}&limit=2&cursor=nonsense`);
      expect(bad.statusCode).toBe(422);
      expect((await f.call('dehua', 'GET', `${url}&limit=0`)).json().errors[0].field).toBe('limit');
    });
  });
}
