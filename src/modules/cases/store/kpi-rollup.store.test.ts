import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES_AT_12T0100 } from '../../../kernel/db/migrations/2026-12-12T0100-case-due-columns.js';
import { testDatabases, type TestDb } from '../../../kernel/db/test-databases.js';
import { addCounts, dueCounts, emptyKpiCounts, OPEN_STATUSES, type DueSummary } from '../domain/index.js';
import { kpiRollupStore } from './kpi-rollup.store.js';

const BEFORE = '2026-12-11T0100-cases-open-by-grid';

/** A case row as a store before 2026-12-12T0100 wrote it: the counts only in the state. */
function before(id: string, status: string, counts: { reworkCount?: number; extensionCount?: number }) {
  return {
    id,
    district_code: '411602',
    case_number: `411602-20261201-${id}`,
    category_code: '0102',
    description: '路灯不亮',
    lng: null,
    lat: null,
    address: null,
    source: 'patrol',
    grid_id: null,
    grid_path: '/d/s1/c1/g1/',
    community_id: null,
    subdistrict_id: null,
    out_of_grid: 0,
    status,
    assigned_unit_id: null,
    assigned_unit_path: null,
    deadline: '2026-12-02T08:00:00.000Z',
    deadline_status: 'overdue',
    escalation_level: 0,
    state: JSON.stringify({ status, ...counts }),
    version: 1,
    reporter_id: null,
    reported_at: '2026-12-01T02:00:00.000Z',
    dispatched_at: '2026-12-01T03:00:00.000Z',
    closed_at: null,
    first_feedback_at: null,
    reconciled_at: null,
    reconciled_by: null,
    updated_at: '2026-12-01T03:00:00.000Z',
  };
}

async function planOf(t: { name: string }, database: TestDb, q: { sql: string; parameters: readonly unknown[] }) {
  // Inline the parameters (all strings here) so that EXPLAIN sees the values.
  let i = 0;
  const text = q.sql.replace(/\?|\$\d+/g, () => `'${String(q.parameters[i++]).replaceAll("'", "''")}'`);
  if (t.name === 'sqlite')
    return JSON.stringify((await sql.raw(`EXPLAIN QUERY PLAN ${text}`).execute(database.db)).rows);
  // PostgreSQL picks by cost (a near-empty table: a scan): with scans off, and without the other
  // partial index of the open cases (this test database's own), what must hold is that the planner
  // may use the index at all, i.e. that the query's predicate implies the index's.
  await sql`DROP INDEX IF EXISTS cases_open_by_grid`.execute(database.db);
  return database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    return JSON.stringify((await sql.raw(`EXPLAIN ${text}`).execute(trx)).rows);
  });
}

describe('the KPI roll-up store: month rows, and the open cases past their deadline', () => {
  it('names the same open statuses as the partial index holds: a new status needs a new index', () => {
    expect([...OPEN_STATUSES]).toEqual([...OPEN_STATUSES_AT_12T0100]);
  });

  for (const t of testDatabases()) {
    it(`${t.name}: migration 2026-12-12T0100 copies each case's rework and extension counts out of its state`, async () => {
      const database = await t.open({ upTo: BEFORE });
      try {
        await database.db
          .insertInto('cases')
          .values([
            before('a', 'dispatched', { reworkCount: 2, extensionCount: 0 }),
            before('b', 'handling', { reworkCount: 0, extensionCount: 1 }),
            before('c', 'closed', { reworkCount: 1, extensionCount: 3 }),
            // A state cached before the counts were kept: 0.
            before('d', 'reported', {}),
            // Counted as 'a' is (dispatched, reworked, never extended, not answered, overdue): one group.
            before('e', 'dispatched', { reworkCount: 1 }),
            // Alike but never reworked, never extended: groups of their own.
            before('f', 'dispatched', {}),
            before('g', 'handling', {}),
          ] as never)
          .execute();
        await database.migrateRest();
        const rows = await database.db
          .selectFrom('cases')
          .select(['id', 'rework_count', 'extension_count'])
          .orderBy('id')
          .execute();
        expect(rows.map((r) => [r.id, Number(r.rework_count), Number(r.extension_count)])).toEqual([
          ['a', 2, 0],
          ['b', 0, 1],
          ['c', 1, 3],
          ['d', 0, 0],
          ['e', 1, 0],
          ['f', 0, 0],
          ['g', 0, 0],
        ]);
        const due = await kpiRollupStore.openPastDeadline(
          database.db,
          'standard',
          { districtCode: '411602', view: 'area', path: '/d/s1/', isDistrict: false },
          { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' },
          '2026-12-07T00:00:00.000Z',
        );
        // The closed case is not open; the other six, past their deadline, grouped by what the rule reads.
        expect(
          due.map((d) => [
            d.summary.status,
            d.summary.reworkCount,
            d.summary.extensionCount,
            d.summary.dispatchedAt?.toISOString(),
            d.count,
          ]),
        ).toEqual(
          expect.arrayContaining([
            ['dispatched', 2, 0, '2026-12-01T03:00:00.000Z', 2],
            ['handling', 0, 1, '2026-12-01T03:00:00.000Z', 1],
            ['reported', 0, 0, '2026-12-01T03:00:00.000Z', 1],
            ['dispatched', 0, 0, '2026-12-01T03:00:00.000Z', 1],
            ['handling', 0, 0, '2026-12-01T03:00:00.000Z', 1],
          ]),
        );
        expect(due).toHaveLength(5);
      } finally {
        await database.close();
      }
    }, 60_000);

    it(`${t.name}: migration 2026-12-12T0200 sums the day rows of the areas and grids into month rows`, async () => {
      const database = await t.open({ upTo: '2026-12-12T0100-case-due-columns' });
      try {
        const day = (view: string, path: string, d: string, reported: number, closingMillis = 0) => ({
          district_code: '411602',
          basis: 'standard',
          kpi_view: view,
          unit_path: path,
          day: d,
          reported,
          closing_millis: closingMillis,
        });
        await database.db
          .insertInto('case_kpi_days')
          .values([
            day('area', '/d/s/c/', '20261130', 2, 1000),
            day('area', '/d/s/c/', '20261101', 3, 500),
            day('area', '/d/s/c/', '20261201', 5),
            day('grid', '/d/s/c/g/', '20261115', 4),
            // A handler's rows stay by day only.
            day('handler', '/d/dept/', '20261115', 7),
          ] as never)
          .execute();
        await database.migrateRest();
        const months = await database.db
          .selectFrom('case_kpi_days')
          .select(['kpi_view', 'unit_path', 'day', 'reported', 'closing_millis'])
          .where('kpi_view', 'like', '%month')
          .orderBy(['kpi_view', 'day'])
          .execute();
        expect(
          months.map((m) => [m.kpi_view, m.unit_path, m.day, Number(m.reported), Number(m.closing_millis)]),
        ).toEqual([
          ['area_month', '/d/s/c/', '202611', 5, 1500],
          ['area_month', '/d/s/c/', '202612', 5, 0],
          ['grid_month', '/d/s/c/g/', '202611', 4, 0],
        ]);
        // And the store reads a period across them: Nov 15 – Dec 1 = day rows (Nov 30, Dec 1) only;
        // Nov 1 – Dec 31 = the two month rows.
        const scope = { districtCode: '411602', view: 'area' as const, path: '/d/s/', isDistrict: false };
        expect(
          (await kpiRollupStore.sum(database.db, 'standard', scope, { fromDay: '20261115', toDay: '20261201' }))
            .reported,
        ).toBe(7);
        expect(
          (await kpiRollupStore.sum(database.db, 'standard', scope, { fromDay: '20261101', toDay: '20261231' }))
            .reported,
        ).toBe(10);
      } finally {
        await database.close();
      }
    }, 60_000);

    it(`${t.name}: counts each group of open cases as dueCounts counts each of its cases, for every combination the rule reads`, async () => {
      const database = await t.open();
      try {
        const asOf = '2026-12-07T00:00:00.000Z';
        const rows = [];
        let i = 0;
        // Every status × deadline before or at asOf × dispatched or not × answered or not × reworked ×
        // extended, on one grid once and on another twice.
        for (const status of OPEN_STATUSES)
          for (const deadline of ['2026-12-02T08:00:00.000Z', asOf])
            for (const dispatched of [null, '2026-12-01T03:00:00.000Z'])
              for (const answered of [null, '2026-12-01T05:00:00.000Z'])
                for (const rework of [0, 2])
                  for (const extension of [0, 1])
                    for (const grid of ['/d/s1/c1/g1/', '/d/s1/c1/g2/', '/d/s1/c1/g2/']) {
                      const id = `c${String(i++).padStart(4, '0')}`;
                      rows.push({
                        ...before(id, status, {}),
                        grid_path: grid,
                        deadline,
                        dispatched_at: dispatched,
                        first_feedback_at: answered,
                        rework_count: rework,
                        extension_count: extension,
                      });
                    }
        for (let k = 0; k < rows.length; k += 200)
          await database.db
            .insertInto('cases')
            .values(rows.slice(k, k + 200) as never)
            .execute();
        const period = { from: new Date('2026-12-01T00:00:00.000Z'), to: new Date('2026-12-08T00:00:00.000Z') };
        for (const basis of ['standard', 'reported'] as const) {
          const options = { basis, period, asOf: new Date(asOf) };
          const want = emptyKpiCounts();
          for (const r of rows)
            addCounts(
              want,
              dueCounts(
                {
                  status: r.status as DueSummary['status'],
                  closedAt: null,
                  deadline: new Date(r.deadline),
                  reportedAt: new Date(r.reported_at),
                  dispatchedAt: r.dispatched_at ? new Date(r.dispatched_at) : null,
                  firstFeedbackAt: r.first_feedback_at ? new Date(r.first_feedback_at) : null,
                  reworkCount: r.rework_count,
                  extensionCount: r.extension_count,
                },
                options,
              ),
            );
          const got = emptyKpiCounts();
          const groups = await kpiRollupStore.openPastDeadline(
            database.db,
            basis,
            { districtCode: '411602', view: 'area', path: '/d/', isDistrict: true },
            { from: period.from.toISOString(), to: period.to.toISOString() },
            asOf,
          );
          for (const g of groups) addCounts(got, dueCounts(g.summary, options), g.count);
          expect(got, basis).toEqual(want);
          expect(want.overdueOpen).toBeGreaterThan(0);
          expect(groups.length).toBeLessThan(rows.length);
        }
      } finally {
        await database.close();
      }
    }, 60_000);

    for (const [label, basis, view, path, isDistrict] of [
      ['a district, standard basis', 'standard', 'area', '/d/', true],
      ['a 街道, reported basis', 'reported', 'area', '/d/s1/', false],
      ['a handler', 'standard', 'handler', '/d/s1/dept/', false],
    ] as const)
      it(`${t.name}: ${label}: read from the partial index of the open cases alone`, async () => {
        const database = await t.open();
        try {
          const q = kpiRollupStore.openPastDeadlineQuery(
            database.db,
            basis,
            { districtCode: '411602', view, path, isDistrict },
            { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
            '2026-12-07T00:00:00.000Z',
          );
          if (t.name === 'sqlite') {
            // Statistics as an ANALYZE of 1,000,000 cases left them: the smaller partial index looks
            // as good to the planner, and read every table row behind it until the query named its index.
            await sql`ANALYZE`.execute(database.db);
            await sql`DELETE FROM sqlite_stat1 WHERE tbl = 'cases'`.execute(database.db);
            await sql`INSERT INTO sqlite_stat1 VALUES ('cases', 'cases_open_by_grid', '48308 48308 99'),
              ('cases', 'cases_open_due_fields', '48308 48308 5 1 1 1 1 1 1 1 1')`.execute(database.db);
            await sql`ANALYZE sqlite_schema`.execute(database.db);
          }
          const plan = await planOf(t, database, q);
          // SQLite names it a covering index when no table row is read; PostgreSQL an index-only scan.
          expect(plan).toContain(
            t.name === 'sqlite' ? 'COVERING INDEX cases_open_due_fields' : 'cases_open_due_fields',
          );
          if (t.name === 'postgres') expect(plan).toContain('Index Only Scan');
        } finally {
          await database.close();
        }
      });
  }
});
