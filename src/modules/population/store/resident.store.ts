import type { Selectable } from 'kysely';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import type {
  PopMergeReviewTable,
  PopResidentEventTable,
  PopResidentTable,
  PopTagTable,
} from '../../../kernel/db/schema.js';

export type ResidentRow = Selectable<PopResidentTable>;
export type MergeReviewRow = Selectable<PopMergeReviewTable>;
export type ResidentEventRow = Selectable<PopResidentEventTable>;

export interface ResidentFilter {
  districtCode: string;
  path: string;
  householdId?: string;
  q?: string;
  tag?: string;
  residenceKind?: string;
  status?: string;
  /** The previous page's last (name, id). */
  after?: [string, string];
  limit: number;
}

/** Residents, their history, merge reviews and the district's tags. */
export const residentStore = {
  async insert(ex: Executor, row: PopResidentTable): Promise<void> {
    await ex.insertInto('pop_residents').values(row).execute();
  },

  async byId(ex: Executor, id: string): Promise<ResidentRow | undefined> {
    return ex.selectFrom('pop_residents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byIds(ex: Executor, ids: readonly string[]): Promise<ResidentRow[]> {
    if (!ids.length) return [];
    return ex
      .selectFrom('pop_residents')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  async byIdNumber(ex: Executor, districtCode: string, idNumber: string): Promise<ResidentRow | undefined> {
    return ex
      .selectFrom('pop_residents')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('id_number', '=', idNumber)
      .executeTakeFirst();
  },

  async update(ex: Executor, id: string, patch: Partial<PopResidentTable>): Promise<void> {
    await ex.updateTable('pop_residents').set(patch).where('id', '=', id).execute();
  },

  async page(ex: Executor, dialect: Dialect, f: ResidentFilter): Promise<ResidentRow[]> {
    // A household's members: by pop_residents_household. Otherwise the district's residents in name
    // order (pop_residents_name), kept while under the path: a page stops after `limit` rows.
    let q = ex.selectFrom('pop_residents').selectAll().where(startsWith('grid_path', f.path));
    q = f.householdId ? q.where('household_id', '=', f.householdId) : q.where('district_code', '=', f.districtCode);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.residenceKind) q = q.where('residence_kind', '=', f.residenceKind);
    // Tags are a JSON array of codes; codes are [a-z0-9_], so the quoted code matches exactly.
    if (f.tag) q = q.where(containsText(dialect, 'tags', `"${f.tag}"`));
    if (f.q) {
      const needle = f.q;
      q = /^\d{4}[\dXx]?$/.test(needle)
        ? q.where('id_number', 'like', `%${needle.toUpperCase()}`)
        : q.where(containsText(dialect, 'name', needle));
    }
    if (f.after) {
      const [name, id] = f.after;
      q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return q.orderBy('name').orderBy('id').limit(f.limit).execute();
  },

  async householdMembers(ex: Executor, householdIds: readonly string[]): Promise<ResidentRow[]> {
    if (!householdIds.length) return [];
    return ex
      .selectFrom('pop_residents')
      .selectAll()
      .where('household_id', 'in', [...householdIds])
      .where('status', '=', 'active')
      .orderBy('name')
      .execute();
  },

  /**
   * Who lives behind each door, for the phone's list: the active members (id, name, relation) of the
   * given households, or of every household of the grid when `householdIds` is omitted (one range of
   * the pop_residents_grid index; a resident lives on its household's grid). By household, then name.
   */
  async doorMembers(
    ex: Executor,
    f: { gridId: string; householdIds?: readonly string[] },
  ): Promise<{ household_id: string; id: string; name: string; relation: string | null }[]> {
    if (f.householdIds && !f.householdIds.length) return [];
    let q = ex
      .selectFrom('pop_residents')
      .select(['household_id', 'id', 'name', 'relation'])
      .where('grid_id', '=', f.gridId)
      .where('status', '=', 'active');
    q = f.householdIds ? q.where('household_id', 'in', [...f.householdIds]) : q.where('household_id', 'is not', null);
    const rows = await q.orderBy('household_id').orderBy('name').execute();
    return rows.map((r) => ({ ...r, household_id: r.household_id! }));
  },

  async addEvent(ex: Executor, row: PopResidentEventTable): Promise<void> {
    await ex.insertInto('pop_resident_events').values(row).execute();
  },

  async events(ex: Executor, residentId: string): Promise<ResidentEventRow[]> {
    return ex
      .selectFrom('pop_resident_events')
      .selectAll()
      .where('resident_id', '=', residentId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  async insertReview(ex: Executor, row: PopMergeReviewTable): Promise<void> {
    await ex.insertInto('pop_merge_reviews').values(row).execute();
  },

  async review(ex: Executor, id: string): Promise<MergeReviewRow | undefined> {
    return ex.selectFrom('pop_merge_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateReview(ex: Executor, id: string, patch: Partial<PopMergeReviewTable>): Promise<number> {
    const r = await ex
      .updateTable('pop_merge_reviews')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Reviews whose entry or record lies under the path; pending first, newest first. */
  async reviews(ex: Executor, districtCode: string, path: string): Promise<MergeReviewRow[]> {
    return ex
      .selectFrom('pop_merge_reviews')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where((eb) => eb.or([startsWith('entry_grid_path', path), startsWith('resident_grid_path', path)]))
      .orderBy('status', 'desc')
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
  },

  async pendingReviewOf(ex: Executor, residentIds: readonly string[]): Promise<Set<string>> {
    if (!residentIds.length) return new Set();
    const rows = await ex
      .selectFrom('pop_merge_reviews')
      .select('resident_id')
      .where('resident_id', 'in', [...residentIds])
      .where('status', '=', 'pending')
      .execute();
    return new Set(rows.map((r) => r.resident_id));
  },

  async tags(ex: Executor, districtCode: string): Promise<Selectable<PopTagTable>[]> {
    return ex
      .selectFrom('pop_tags')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('seq')
      .orderBy('code')
      .execute();
  },

  async insertTag(ex: Executor, row: PopTagTable): Promise<void> {
    await ex.insertInto('pop_tags').values(row).execute();
  },

  async updateTag(ex: Executor, districtCode: string, code: string, patch: Partial<PopTagTable>): Promise<number> {
    const r = await ex
      .updateTable('pop_tags')
      .set(patch)
      .where('district_code', '=', districtCode)
      .where('code', '=', code)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
