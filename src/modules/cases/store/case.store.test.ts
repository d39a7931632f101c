import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../kernel/db/db.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { caseStore, type CaseListFilter } from './case.store.js';
import { keysetOf, NEWEST_REPORT_FIRST } from './case-order.js';

const STATUSES = ['reported', 'dispatched', 'handling', 'closed', 'rejected'];
const WORDS = ['占道经营水果摊', '路灯不亮', '人行道污水横流', '窨井盖缺失', '垃圾桶满溢', 'LED灯箱破损'];
const PATHS = ['/d/s1/c1/g1/', '/d/s1/c2/g2/', '/d/s2/c3/g3/', null];

function row(i: number): CaseTable {
  const id = `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`;
  const gridPath = PATHS[i % PATHS.length];
  return {
    id,
    district_code: '411602',
    case_number: `411602-20261130-${String(i).padStart(4, '0')}`,
    category_code: '0102',
    description: `${WORDS[i % WORDS.length]}${i % 7 === 0 ? '，七一路' : ''}`,
    lng: null,
    lat: null,
    address: i % 5 === 0 ? '七一路口' : null,
    source: 'patrol',
    grid_id: null,
    grid_path: gridPath,
    community_id: null,
    subdistrict_id: null,
    out_of_grid: 0,
    status: STATUSES[(i * 3) % STATUSES.length],
    assigned_unit_id: null,
    assigned_unit_path: i % 11 === 0 ? '/d/s1/dept/' : null,
    deadline: null,
    deadline_status: 'none',
    escalation_level: 0,
    state: '{}',
    version: 1,
    reporter_id: null,
    reported_at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    dispatched_at: null,
    closed_at: null,
    first_feedback_at: null,
    rework_count: 0,
    extension_count: 0,
    reconciled_at: null,
    reconciled_by: null,
    updated_at: '2026-11-30T00:00:00.000Z',
  };
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: ledger search`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
      await database.db
        .insertInto('cases')
        .values(Array.from({ length: 400 }, (_, i) => row(i)))
        .execute();
    });
    afterAll(async () => database?.close());

    const base: CaseListFilter = { scopePath: '/d/s1/', limit: 7 };
    const cases: [string, Partial<CaseListFilter>][] = [
      ['a rare word over one status', { q: '窨井盖', status: ['closed'] }],
      ['a word over several statuses', { q: '人行道', status: ['reported', 'dispatched', 'handling'] }],
      ['a word in the address', { q: '七一路', status: ['closed', 'rejected'] }],
      ['a case number', { q: '411602-20261130-0013' }],
      ['a word in no case', { q: '无人机航拍', status: ['closed'] }],
      ['ASCII in either case', { q: 'led灯箱' }],
      [
        'a word and a district scope with cases in no grid',
        { q: '路灯不亮', scopePath: '/d/', districtPath: '/d/', districtCode: '411602' },
      ],
    ];
    for (const [what, f] of cases) {
      it(`finds the same page, newest first, from the FTS matches as by walking: ${what}`, async () => {
        const filter = { ...base, ...f };
        const walk = await caseStore.list(database.db, database.dialect, filter, 'walk');
        const fts = await caseStore.list(database.db, database.dialect, filter, 'fts');
        expect(fts.map((r) => r.id)).toEqual(walk.map((r) => r.id));
        expect(walk.map((r) => r.id)).toEqual([...walk.map((r) => r.id)].sort().reverse());
        if (f.q !== '无人机航拍') expect(walk.length).toBeGreaterThan(0);
        for (const r of walk)
          expect(`${r.description}${r.address ?? ''}${r.case_number}`.toLowerCase()).toContain(f.q!.toLowerCase());
        if (walk.length === filter.limit) {
          const next = await caseStore.list(
            database.db,
            database.dialect,
            { ...filter, after: keysetOf(walk[walk.length - 1], NEWEST_REPORT_FIRST) },
            'fts',
          );
          expect(next.map((r) => r.id)).toEqual(
            (
              await caseStore.list(
                database.db,
                database.dialect,
                { ...filter, after: keysetOf(walk[walk.length - 1], NEWEST_REPORT_FIRST) },
                'walk',
              )
            ).map((r) => r.id),
          );
        }
      });
    }

    // Too short for a trigram: SQLite walks, and PostgreSQL must not read its whole pg_trgm index.
    for (const [q, status] of [
      ['路灯', ['closed', 'rejected']],
      ['口', ['reported', 'closed']],
      ['水', undefined],
    ] as const) {
      it(`finds a ${[...q].length}-character word by walking, newest first: ${q}`, async () => {
        const filter: CaseListFilter = { ...base, q, status: status ? [...status] : undefined, limit: 50 };
        expect(await caseStore.textPlan(database.db, database.dialect, q)).toBe('walk');
        const page = await caseStore.list(database.db, database.dialect, filter);
        const all = Array.from({ length: 400 }, (_, i) => row(i))
          .filter((r) => r.grid_path?.startsWith('/d/s1/') || r.assigned_unit_path?.startsWith('/d/s1/'))
          .filter((r) => !status || (status as readonly string[]).includes(r.status))
          .filter((r) => `${r.description}${r.address ?? ''}`.includes(q) || r.case_number === q);
        expect(page.map((r) => r.id)).toEqual(
          all
            .map((r) => r.id)
            .sort()
            .reverse()
            .slice(0, 50),
        );
        expect(page.length).toBeGreaterThan(0);
      });
    }

    it('starts a rare word from its matches and a common one by walking', async () => {
      expect(await caseStore.textPlan(database.db, database.dialect, '垃圾')).toBe('walk');
      expect(await caseStore.textPlan(database.db, database.dialect, '窨井盖')).toBe(
        database.dialect === 'sqlite' ? 'fts' : 'walk',
      );
    });
  });
}
