import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SORT_KEYS } from '../../../contracts/cases.js';
import type { Database } from '../../../kernel/db/db.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { caseStore, type CaseListFilter } from './case.store.js';
import { keysetOf, type CaseOrder } from './case-order.js';

// Ids run one way, report times another (an offline report reaches the server late and is minted
// late), several cases share a report time and a deadline, and some have no deadline.
const REPORTED = ['09:00', '08:00', '10:00', '08:00', '07:30', '10:00', '09:00', '06:00', '11:00', '08:00'];
const DEADLINE = [
  null,
  '2026-12-03',
  '2026-12-01',
  null,
  '2026-12-03',
  '2026-12-02',
  null,
  '2026-12-01',
  '2026-12-05',
  '2026-12-02',
];
const STATUS = [
  'closed',
  'reported',
  'dispatched',
  'handling',
  'reported',
  'pending_verification',
  'accepted',
  'closed',
  'dispatched',
  'reported',
];

function row(i: number): CaseTable {
  return {
    id: `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
    district_code: '411602',
    case_number: `411602-20261130-${String(i).padStart(4, '0')}`,
    category_code: '0102',
    description: '占道经营',
    lng: null,
    lat: null,
    address: null,
    source: 'patrol',
    grid_id: null,
    grid_path: '/d/s1/c1/g1/',
    community_id: null,
    subdistrict_id: null,
    out_of_grid: 0,
    status: STATUS[i],
    assigned_unit_id: null,
    assigned_unit_path: null,
    deadline: DEADLINE[i] ? `${DEADLINE[i]}T10:00:00.000Z` : null,
    deadline_status: 'none',
    escalation_level: 0,
    state: '{}',
    version: 1,
    reporter_id: null,
    reported_at: `2026-11-30T${REPORTED[i]}:00.000Z`,
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
const rows = Array.from({ length: REPORTED.length }, (_, i) => row(i));

// The orders as the ledger's columns define them, written out here rather than taken from the store.
const WORKFLOW = ['reported', 'accepted', 'dispatched', 'handling', 'pending_verification', 'closed'];
function expected(order: CaseOrder, statuses?: string[]): string[] {
  const value = (r: CaseTable) =>
    order.key === 'reportedAt' ? r.reported_at : order.key === 'deadline' ? r.deadline : WORKFLOW.indexOf(r.status);
  const sign = order.desc ? -1 : 1;
  return rows
    .filter((r) => !statuses || statuses.includes(r.status))
    .sort((a, b) => {
      const [va, vb] = [value(a), value(b)];
      if (va === null && vb !== null) return 1; // no deadline: last, either way
      if (vb === null && va !== null) return -1;
      if (va !== vb) return sign * (va! < vb! ? -1 : 1);
      return sign * (a.id < b.id ? -1 : 1);
    })
    .map((r) => r.id);
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the ledger's order`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
      await database.db.insertInto('cases').values(rows).execute();
    });
    afterAll(async () => database?.close());

    const walkAll = async (f: Omit<CaseListFilter, 'limit'>, limit: number) => {
      const seen: string[] = [];
      let after: CaseListFilter['after'];
      for (let guard = 0; guard < 20; guard++) {
        const page = await caseStore.list(database.db, database.dialect, { ...f, after, limit });
        seen.push(...page.map((r) => r.id));
        if (page.length < limit) return seen;
        after = keysetOf(page[page.length - 1], f.order!);
      }
      throw new Error('paging did not end');
    };

    it('lists newest report first by default, ids breaking ties, not by id alone', async () => {
      const page = await caseStore.list(database.db, database.dialect, { scopePath: '/d/', limit: 50 });
      expect(page.map((r) => r.id)).toEqual(expected({ key: 'reportedAt', desc: true }));
      expect(page[0].reported_at).toBe('2026-11-30T11:00:00.000Z');
    });

    for (const key of CASE_SORT_KEYS)
      for (const desc of [false, true])
        for (const statuses of [undefined, ['reported', 'dispatched', 'closed']]) {
          const order = { key, desc };
          it(`pages ${key} ${desc ? 'descending' : 'ascending'}${statuses ? ' over several statuses' : ''} by keyset, 3 at a time`, async () => {
            const all = await walkAll({ scopePath: '/d/', order, status: statuses }, 3);
            expect(all).toEqual(expected(order, statuses));
          });
        }
  });
}
