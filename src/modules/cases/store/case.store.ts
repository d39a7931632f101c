import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, fts5Phrase, startsWith } from '../../../kernel/db/dialect.js';
import type { CaseActionTable, CaseCategoryTable, CaseTable } from '../../../kernel/db/schema.js';

export interface CaseListFilter {
  /** The actor's scope: a case is visible when its grid or its assigned unit lies in it. */
  scopePath: string;
  /** Narrow to a unit subtree (by path), matched against the grid and the assigned unit. */
  unitPath?: string;
  /** The district's own path when the caller (and the unit filter) cover the whole district: cases in no grid belong there. */
  districtPath?: string;
  districtCode?: string;
  status?: string[];
  categoryCode?: string;
  source?: string;
  from?: string;
  to?: string;
  deadlineStatus?: string[];
  reconciled?: boolean;
  q?: string;
  /** Keyset cursor: the id of the last row of the previous page (ids are time-ordered UUIDv7). */
  after?: string;
  limit: number;
}

export const caseStore = {
  async findById(ex: Executor, id: string): Promise<CaseTable | undefined> {
    return ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async actions(ex: Executor, caseId: string): Promise<CaseActionTable[]> {
    return ex.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  },

  async insert(ex: Executor, row: CaseTable): Promise<void> {
    await ex.insertInto('cases').values(row).execute();
  },

  /**
   * Writes the new derived state only if nobody else changed the case since it was read
   * (optimistic concurrency on version); returns false when another writer won.
   */
  async updateIfVersion(ex: Executor, id: string, expectedVersion: number, patch: Partial<CaseTable>): Promise<boolean> {
    const r = await ex.updateTable('cases').set(patch).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async appendAction(ex: Executor, row: CaseActionTable): Promise<void> {
    await ex.insertInto('case_actions').values(row).execute();
  },

  /** Atomic per-district daily sequence: safe with several server processes on one PostgreSQL. */
  async nextNumber(ex: Executor, districtCode: string, day: string): Promise<number> {
    const r = await ex
      .insertInto('case_number_counters')
      .values({ district_code: districtCode, day, last: 1 })
      .onConflict((oc) => oc.columns(['district_code', 'day']).doUpdateSet({ last: sql<number>`case_number_counters.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(r.last);
  },

  async list(ex: Executor, dialect: Dialect, f: CaseListFilter): Promise<CaseTable[]> {
    if (f.status && f.status.length > 1) {
      // One newest-first walk of the (status, id) index per status, merged here: a page of "all open
      // cases" then reads about `limit` rows per status instead of sorting every open case.
      const parts: CaseTable[] = [];
      for (const status of f.status) parts.push(...(await caseStore.list(ex, dialect, { ...f, status: [status] })));
      return parts.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, f.limit);
    }
    // A case lies in its grid's subtree, its assigned unit's, or — in no grid — in the district's own.
    const within = (p: string) => (eb: any) => eb.or([
      startsWith('grid_path', p), startsWith('assigned_unit_path', p),
      ...(f.districtPath && f.districtCode && p === f.districtPath ? [eb.and([eb('grid_path', 'is', null), eb('district_code', '=', f.districtCode)])] : []),
    ]);
    let q = ex.selectFrom('cases').selectAll().where(within(f.scopePath));
    if (f.unitPath) q = q.where(within(f.unitPath));
    if (f.status?.length) q = q.where('status', 'in', f.status);
    if (f.deadlineStatus?.length) q = q.where('deadline_status', 'in', f.deadlineStatus);
    if (f.categoryCode) q = q.where(startsWith('category_code', f.categoryCode));
    if (f.source) q = q.where('source', '=', f.source);
    if (f.from) q = q.where('reported_at', '>=', f.from);
    if (f.to) q = q.where('reported_at', '<', f.to);
    if (f.reconciled !== undefined) q = q.where('reconciled_at', f.reconciled ? 'is not' : 'is', null);
    if (f.q) {
      const needle = f.q;
      // SQLite: the FTS5 trigram index answers 3+ characters; shorter words (垃圾) scan with LIKE.
      // PostgreSQL: ILIKE, served by the pg_trgm GIN indexes for 3+ characters.
      const text = dialect === 'sqlite' && [...needle].length >= 3
        ? sql<boolean>`cases.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${fts5Phrase(needle)})`
        : null;
      q = q.where((eb) => eb.or([
        ...(text ? [text] : [containsText(dialect, 'description', needle), containsText(dialect, 'address', needle)]),
        eb('case_number', '=', needle),
      ]));
    }
    if (f.after) q = q.where('id', '<', f.after);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },

  /** Open cases of a category near a point (bounding box in degrees; the caller measures exact distance). */
  async openNear(ex: Executor, categoryCode: string, lng: number, lat: number, dLng: number, dLat: number): Promise<CaseTable[]> {
    return ex.selectFrom('cases').selectAll()
      .where('category_code', '=', categoryCode)
      .where('status', 'not in', ['closed', 'rejected', 'merged'])
      .where('lng', '>=', lng - dLng).where('lng', '<=', lng + dLng)
      .where('lat', '>=', lat - dLat).where('lat', '<=', lat + dLat)
      .limit(200)
      .execute();
  },

  async categories(ex: Executor, districtCode: string): Promise<CaseCategoryTable[]> {
    return ex.selectFrom('case_categories').selectAll().where('district_code', '=', districtCode).orderBy('sort_order').orderBy('code').execute();
  },

  /** A fingerprint of a district's categories (how many, latest edit), for caches to compare. */
  async categoriesVersion(ex: Executor, districtCode: string): Promise<string> {
    const r = await ex.selectFrom('case_categories').select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('updated_at').as('latest')])
      .where('district_code', '=', districtCode).executeTakeFirst();
    return `${Number(r?.n ?? 0)}|${r?.latest ?? ''}`;
  },

  async category(ex: Executor, districtCode: string, code: string): Promise<CaseCategoryTable | undefined> {
    return ex.selectFrom('case_categories').selectAll().where('district_code', '=', districtCode).where('code', '=', code).executeTakeFirst();
  },
};
