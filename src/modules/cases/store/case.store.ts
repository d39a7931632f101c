import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, fts5Phrase, startsWith } from '../../../kernel/db/dialect.js';
import type { CaseActionTable, CaseCategoryTable, CaseTable } from '../../../kernel/db/schema.js';
import { executeReused, insertRows } from '../../../kernel/db/reuse.js';
import {
  afterKeyset,
  compareCases,
  NEWEST_REPORT_FIRST,
  sortColumn,
  type CaseKeyset,
  type CaseOrder,
} from './case-order.js';

export interface CaseListFilter {
  /** The actor's scope: a case is visible when its grid or its assigned unit lies in it. */
  scopePath: string;
  /** Narrow to a unit subtree (by path), matched against the grid and the assigned unit. */
  unitPath?: string;
  /** The district's own path when the caller (and the unit filter) cover the whole district: cases in no grid belong there. */
  districtPath?: string;
  districtCode?: string;
  /** Only cases dispatched to this very unit (处置通: the crew's own cases, not its area's). */
  assignedUnitId?: string;
  status?: string[];
  categoryCode?: string;
  source?: string;
  from?: string;
  to?: string;
  deadlineStatus?: string[];
  /** 处置时限 in [deadlineFrom, deadlineTo) (UTC instants). */
  deadlineFrom?: string;
  deadlineTo?: string;
  reconciled?: boolean;
  q?: string;
  /** Only these cases (the ledger's `waiting` filter: the ids the policy picked); none when empty. */
  ids?: readonly string[];
  /** The order (default: newest report first), id as the tie-breaker. */
  order?: CaseOrder;
  /** Keyset cursor: where the previous page (in the same order) ended. */
  after?: CaseKeyset;
  limit: number;
}

/** A case lies in its grid's subtree, its assigned unit's, or — in no grid — in the district's own. */
function withinOf(f: Pick<CaseListFilter, 'districtPath' | 'districtCode'>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the where-builder of selects whose types differ
  return (p: string) => (eb: any) =>
    eb.or([
      startsWith('grid_path', p),
      startsWith('assigned_unit_path', p),
      ...(f.districtPath && f.districtCode && p === f.districtPath
        ? [eb.and([eb('grid_path', 'is', null), eb('district_code', '=', f.districtCode)])]
        : []),
    ]);
}

/**
 * How a search word is found on SQLite. 'fts': from the FTS5 trigram index's matches (a rare word:
 * read every match, keep those in scope and status, sort). 'walk': in the ledger's order along the
 * (status, reported_at, id, scope) index, testing each row in scope with LIKE (a common word, or one of 1–2
 * characters, which trigrams cannot index): a page fills long before the walk gets far.
 */
type TextPlan = 'fts' | 'walk';

/**
 * The most FTS matches read for one page: about 2 µs each (a row fetched by rowid), so 10·√cases
 * (10,000 at 1,000,000 cases) keeps it near 20 ms; a word matching more is common enough (≥ 1 %) for
 * the walk to fill a page sooner. Measured in bench/ledger; the bounds keep tiny and huge ledgers sane.
 */
function ftsBudget(totalCases: number): number {
  return Math.min(20_000, Math.max(2_000, Math.round(10 * Math.sqrt(totalCases))));
}

export const caseStore = {
  async findById(ex: Executor, id: string): Promise<CaseTable | undefined> {
    return ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async actions(ex: Executor, caseId: string): Promise<CaseActionTable[]> {
    return ex.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  },

  /** The actions of the given types of many cases, each case's oldest first (the ledger's 整改 columns). */
  async actionsOfTypes(ex: Executor, caseIds: readonly string[], types: readonly string[]): Promise<CaseActionTable[]> {
    if (!caseIds.length) return [];
    return ex
      .selectFrom('case_actions')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .where('type', 'in', types)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
  },

  async insert(ex: Executor, row: CaseTable): Promise<void> {
    await insertRows(ex, 'cases', [row]);
  },

  /**
   * Writes the new derived state only if nobody else changed the case since it was read
   * (optimistic concurrency on version); returns false when another writer won.
   */
  async updateIfVersion(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<CaseTable>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('cases')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * The cases whose grid or assigned unit lies under a unit path (a moved unit's cases), oldest
   * first. Two prefix scans, one per index (cases_grid_path, partial cases_assigned), never an OR
   * that would read every case of the district.
   */
  async idsUnderPath(ex: Executor, districtCode: string, path: string): Promise<string[]> {
    const byGrid = await ex
      .selectFrom('cases')
      .select('id')
      .where(startsWith('grid_path', path))
      .where('district_code', '=', districtCode)
      .execute();
    const byUnit = await ex
      .selectFrom('cases')
      .select('id')
      .where('assigned_unit_path', 'is not', null)
      .where(startsWith('assigned_unit_path', path))
      .where('district_code', '=', districtCode)
      .execute();
    return [...new Set([...byGrid, ...byUnit].map((r) => r.id))].sort();
  },

  async appendAction(ex: Executor, row: CaseActionTable): Promise<void> {
    await insertRows(ex, 'case_actions', [row]);
  },

  /** Atomic per-district daily sequence: safe with several server processes on one PostgreSQL. */
  async nextNumber(ex: Executor, districtCode: string, day: string): Promise<number> {
    const r = await executeReused(ex, 'case_number_counters.next', [districtCode, day, 1], () =>
      ex
        .insertInto('case_number_counters')
        .values({ district_code: districtCode, day, last: 1 })
        .onConflict((oc) =>
          oc.columns(['district_code', 'day']).doUpdateSet({ last: sql<number>`case_number_counters.last + 1` }),
        )
        .returning('last'),
    );
    return Number(r.rows[0].last);
  },

  /** Whether a search word is rare enough on SQLite to start from its FTS5 matches (see TextPlan). */
  async textPlan(ex: Executor, dialect: Dialect, q: string | undefined): Promise<TextPlan> {
    if (!q || dialect !== 'sqlite' || [...q].length < 3) return 'walk';
    const r = await sql<{ total: number | null; matches: number }>`SELECT (SELECT max(rowid) FROM cases) AS total,
      (SELECT count(*) FROM (SELECT 1 FROM cases_fts WHERE cases_fts MATCH ${fts5Phrase(q)} LIMIT 20001)) AS matches`.execute(
      ex,
    );
    const { total, matches } = r.rows[0];
    return Number(matches) <= ftsBudget(Number(total ?? 0)) ? 'fts' : 'walk';
  },

  /**
   * How many cases the ledger lists in the scope with these deadline states (`/cases?deadlineStatus=…`,
   * no other filter): the 工作台's 辖区超期问题, one number with exactly the list behind it.
   */
  async countByDeadline(
    ex: Executor,
    f: Pick<CaseListFilter, 'scopePath' | 'districtPath' | 'districtCode'> & { deadlineStatus: string[] },
  ): Promise<number> {
    const r = await ex
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where(withinOf(f)(f.scopePath))
      .where('deadline_status', 'in', f.deadlineStatus)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async list(ex: Executor, dialect: Dialect, f: CaseListFilter, plan?: TextPlan): Promise<CaseTable[]> {
    plan = dialect === 'sqlite' ? (plan ?? (await caseStore.textPlan(ex, dialect, f.q))) : 'walk';
    if (f.status && f.status.length > 1 && plan === 'walk') {
      // One ordered walk of the (status, reported_at, id) index per status, merged here: a page of "all
      // open cases" then reads about `limit` rows per status instead of sorting every open case.
      const parts: CaseTable[] = [];
      for (const status of f.status)
        parts.push(...(await caseStore.list(ex, dialect, { ...f, status: [status] }, plan)));
      return parts.sort(compareCases(f.order ?? NEWEST_REPORT_FIRST)).slice(0, f.limit);
    }
    const within = withinOf(f);
    let q = ex.selectFrom('cases').selectAll().where(within(f.scopePath));
    if (f.unitPath) q = q.where(within(f.unitPath));
    if (f.assignedUnitId) q = q.where('assigned_unit_id', '=', f.assignedUnitId);
    // Starting from the FTS matches, the unary + keeps SQLite's planner off the status index, which
    // would walk every case of the status (most of the ledger for 'closed') testing each against them.
    if (f.status?.length)
      q =
        plan === 'fts' ? q.where(sql<boolean>`+status IN (${sql.join(f.status)})`) : q.where('status', 'in', f.status);
    if (f.deadlineStatus?.length) q = q.where('deadline_status', 'in', f.deadlineStatus);
    if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
    if (f.categoryCode) q = q.where(startsWith('category_code', f.categoryCode));
    if (f.source) q = q.where('source', '=', f.source);
    if (f.from) q = q.where('reported_at', '>=', f.from);
    if (f.to) q = q.where('reported_at', '<', f.to);
    if (f.deadlineFrom) q = q.where('deadline', '>=', f.deadlineFrom);
    if (f.deadlineTo) q = q.where('deadline', '<', f.deadlineTo);
    if (f.reconciled !== undefined) q = q.where('reconciled_at', f.reconciled ? 'is not' : 'is', null);
    if (f.q) {
      const needle = f.q;
      // SQLite: a rare word of 3+ characters from the FTS5 trigram index; a common or short one (垃圾)
      // with LIKE on the rows the walk reaches. PostgreSQL: ILIKE, served by pg_trgm for 3+ characters.
      const text =
        plan === 'fts'
          ? sql<boolean>`cases.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${fts5Phrase(needle)})`
          : null;
      // PostgreSQL: pg_trgm finds no trigram in a 1–2 character pattern and "uses" its index by
      // reading all of it (every case, ~450 ms at 200,000 cases) whenever it guesses the word rare.
      // Wrapped, such a word cannot use the index, and the page walks newest first as on SQLite.
      const scanOnly = dialect === 'postgres' && [...needle].length < 3;
      const contains = (column: string) =>
        scanOnly
          ? sql<boolean>`coalesce(${containsText(dialect, column, needle)}, false)`
          : containsText(dialect, column, needle);
      q = q.where((eb) =>
        eb.or([...(text ? [text] : [contains('description'), contains('address')]), eb('case_number', '=', needle)]),
      );
    }
    const order = f.order ?? NEWEST_REPORT_FIRST;
    const dir = order.desc ? 'desc' : 'asc';
    if (f.after) q = q.where(afterKeyset(order, f.after));
    q =
      order.key === 'deadline'
        ? q.orderBy('deadline', (ob) => (order.desc ? ob.desc() : ob.asc()).nullsLast())
        : q.orderBy(sortColumn(order.key), dir);
    return q.orderBy('id', dir).limit(f.limit).execute();
  },

  /** Open cases of a category near a point (bounding box in degrees; the caller measures exact distance). */
  async openNear(
    ex: Executor,
    categoryCode: string,
    lng: number,
    lat: number,
    dLng: number,
    dLat: number,
  ): Promise<CaseTable[]> {
    return ex
      .selectFrom('cases')
      .selectAll()
      .where('category_code', '=', categoryCode)
      .where('status', 'not in', ['closed', 'rejected', 'merged'])
      .where('lng', '>=', lng - dLng)
      .where('lng', '<=', lng + dLng)
      .where('lat', '>=', lat - dLat)
      .where('lat', '<=', lat + dLat)
      .limit(200)
      .execute();
  },

  async categories(ex: Executor, districtCode: string): Promise<CaseCategoryTable[]> {
    return ex
      .selectFrom('case_categories')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  },

  /** A fingerprint of a district's categories (how many, latest edit), for caches to compare. */
  async categoriesVersion(ex: Executor, districtCode: string): Promise<string> {
    const r = await ex
      .selectFrom('case_categories')
      .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('updated_at').as('latest')])
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}|${r?.latest ?? ''}`;
  },

  async category(ex: Executor, districtCode: string, code: string): Promise<CaseCategoryTable | undefined> {
    return ex
      .selectFrom('case_categories')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** The codes of a district's categories. */
  async categoryCodes(ex: Executor, districtCode: string): Promise<string[]> {
    const rows = await ex
      .selectFrom('case_categories')
      .select('code')
      .where('district_code', '=', districtCode)
      .execute();
    return rows.map((r) => r.code);
  },

  async insertCategories(ex: Executor, rows: CaseCategoryTable[]): Promise<void> {
    if (rows.length) await ex.insertInto('case_categories').values(rows).execute();
  },

  async updateCategory(
    ex: Executor,
    districtCode: string,
    code: string,
    patch: Partial<Omit<CaseCategoryTable, 'district_code' | 'code'>>,
  ): Promise<void> {
    await ex
      .updateTable('case_categories')
      .set(patch)
      .where('district_code', '=', districtCode)
      .where('code', '=', code)
      .execute();
  },

  /** When a district's categories last changed (Open311 services' freshness). */
  async categoriesChangedAt(ex: Executor, districtCode: string): Promise<string | null> {
    const r = await ex
      .selectFrom('case_categories')
      .select((e) => e.fn.max('updated_at').as('m'))
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
    return r?.m ? String(r.m) : null;
  },

  /** Cases whose handling clock runs (dispatched or being handled), with what the deadline check compares. */
  async withRunningClock(ex: Executor) {
    return ex
      .selectFrom('cases')
      .select(['id', 'district_code', 'case_number', 'state', 'deadline_status', 'escalation_level', 'version'])
      .where('status', 'in', ['dispatched', 'handling'])
      .execute();
  },

  /** Sets 预警/超期 unless an action changed the case since `version`; false when it did. */
  async setDeadlineIfVersion(
    ex: Executor,
    id: string,
    version: number,
    set: { deadline_status: string; escalation_level: number },
  ): Promise<boolean> {
    const r = await ex
      .updateTable('cases')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** 对账销号: the ledger keeper checks a closed case off. */
  async reconcile(ex: Executor, id: string, at: string, by: string): Promise<void> {
    await ex.updateTable('cases').set({ reconciled_at: at, reconciled_by: by }).where('id', '=', id).execute();
  },

  /** A page of a district's cases by id, for rebuilding the roll-up. */
  async statesPage(ex: Executor, districtCode: string, after: string | undefined, limit: number) {
    let q = ex
      .selectFrom('cases')
      .select(['id', 'state'])
      .where('district_code', '=', districtCode)
      .orderBy('id')
      .limit(limit);
    if (after) q = q.where('id', '>', after);
    return q.execute();
  },

  /** A district's cases reported through Open311, newest first. */
  async open311Requests(
    ex: Executor,
    districtCode: string,
    f: {
      caseNumbers?: string[];
      categoryCodes?: string[];
      from?: string;
      to?: string;
      /** Only the statuses in (or not in) this list. */
      status?: { in: boolean; values: string[] };
      limit: number;
    },
  ): Promise<CaseTable[]> {
    let q = ex
      .selectFrom('cases')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('source', '=', 'open311');
    if (f.caseNumbers?.length) q = q.where('case_number', 'in', f.caseNumbers);
    else {
      if (f.categoryCodes?.length) q = q.where('category_code', 'in', f.categoryCodes);
      if (f.from) q = q.where('reported_at', '>=', f.from);
      if (f.to) q = q.where('reported_at', '<=', f.to);
      if (f.status) q = q.where('status', f.status.in ? 'in' : 'not in', f.status.values);
    }
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },

  /**
   * The position of each of these uploaded files of the district (the files table is the kernel file
   * store's; only what a report needs is read here). Unknown ids are missing from the answer.
   */
  async filesInDistrict(ex: Executor, districtCode: string, ids: string[]) {
    return ex
      .selectFrom('files')
      .select(['id', 'gps_lng', 'gps_lat'])
      .where('id', 'in', ids)
      .where('district_code', '=', districtCode)
      .execute();
  },
};
