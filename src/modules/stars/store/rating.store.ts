import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { StarAwardTable, StarRatingTable } from '../../../kernel/db/schema.js';

/** The lean columns a ranking reads of a confirmed rating. */
export interface RankedRatingRow {
  id: string;
  branch_id: string;
  stars_held: number | null;
  total_score: number | null;
  held_stars: string | null;
}

/** The quarterly ratings, the stars held (with their history) and the reminders sent: queries only. */
export const ratingStore = {
  async find(ex: Executor, branchId: string, quarter: string): Promise<StarRatingTable | undefined> {
    return ex
      .selectFrom('star_ratings')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .executeTakeFirst();
  },
  async findById(ex: Executor, id: string): Promise<StarRatingTable | undefined> {
    return ex.selectFrom('star_ratings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(ex: Executor, row: StarRatingTable): Promise<void> {
    await ex.insertInto('star_ratings').values(row).execute();
  },
  /** Writes a step if the row is still the version the step read; false when someone moved it meanwhile. */
  async update(
    ex: Executor,
    id: string,
    readVersion: number,
    set: Partial<Omit<StarRatingTable, 'id' | 'row_version'>>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('star_ratings')
      .set({ ...set, row_version: readVersion + 1 })
      .where('id', '=', id)
      .where('row_version', '=', readVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** The ratings of a quarter under a path (a 街道's or the district's). */
  async ofQuarter(ex: Executor, districtCode: string, quarter: string, path: string): Promise<StarRatingTable[]> {
    return ex
      .selectFrom('star_ratings')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('quarter', '=', quarter)
      .where(startsWith('branch_path', path))
      .execute();
  },
  /**
   * The confirmed ratings of a quarter under a path (null: the whole district, no path test on each of
   * its rows): stars held, their names and the score.
   */
  async confirmedIn(
    ex: Executor,
    districtCode: string,
    quarter: string,
    path: string | null,
  ): Promise<RankedRatingRow[]> {
    let q = ex
      .selectFrom('star_ratings')
      .select(['id', 'branch_id', 'stars_held', 'total_score', 'held_stars'])
      .where('district_code', '=', districtCode)
      .where('quarter', '=', quarter)
      .where('state', '=', 'confirmed');
    if (path !== null) q = q.where(startsWith('branch_path', path));
    return q.execute();
  },
  /** The same for the quarter before, where the ranking needs only the stars and the score (movement). */
  async confirmedRanksIn(
    ex: Executor,
    districtCode: string,
    quarter: string,
    path: string | null,
  ): Promise<Pick<RankedRatingRow, 'branch_id' | 'stars_held' | 'total_score'>[]> {
    let q = ex
      .selectFrom('star_ratings')
      .select(['branch_id', 'stars_held', 'total_score'])
      .where('district_code', '=', districtCode)
      .where('quarter', '=', quarter)
      .where('state', '=', 'confirmed');
    if (path !== null) q = q.where(startsWith('branch_path', path));
    return q.execute();
  },
  /** The kept outcomes of some ratings (an export's detail column). */
  async outcomesOf(ex: Executor, ids: string[]): Promise<{ id: string; outcome: string | null }[]> {
    if (!ids.length) return [];
    return ex.selectFrom('star_ratings').select(['id', 'outcome']).where('id', 'in', ids).execute();
  },
  /** A branch's ratings, newest quarter first. */
  async ofBranch(ex: Executor, branchId: string): Promise<StarRatingTable[]> {
    return ex
      .selectFrom('star_ratings')
      .selectAll()
      .where('branch_id', '=', branchId)
      .orderBy('quarter', 'desc')
      .execute();
  },
  /** Ratings not yet confirmed whose quarter is among these: the reminder job's work list. */
  async unfinishedIn(ex: Executor, districtCode: string, quarters: string[]): Promise<StarRatingTable[]> {
    return ex
      .selectFrom('star_ratings')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('quarter', 'in', quarters)
      .where('state', '!=', 'confirmed')
      .execute();
  },
  async claimReminder(
    ex: Executor,
    key: { branchId: string; quarter: string; stage: string; kind: string },
    at: string,
  ): Promise<boolean> {
    const r = await ex
      .insertInto('star_rating_reminders')
      .values({ branch_id: key.branchId, quarter: key.quarter, stage: key.stage, kind: key.kind, sent_at: at })
      .onConflict((oc) => oc.columns(['branch_id', 'quarter', 'stage', 'kind']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};

export const awardStore = {
  async insert(ex: Executor, row: StarAwardTable): Promise<void> {
    await ex.insertInto('star_awards').values(row).execute();
  },
  async withdraw(
    ex: Executor,
    id: string,
    set: Pick<
      StarAwardTable,
      | 'withdrawn_quarter'
      | 'withdraw_reason'
      | 'withdrawn_rating_id'
      | 'withdrawn_by'
      | 'withdrawn_by_name'
      | 'withdrawn_at'
    >,
  ): Promise<void> {
    await ex.updateTable('star_awards').set(set).where('id', '=', id).where('withdrawn_quarter', 'is', null).execute();
  },
  /** The awards a branch holds now (not withdrawn). */
  async heldBy(ex: Executor, branchId: string): Promise<StarAwardTable[]> {
    return ex
      .selectFrom('star_awards')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('withdrawn_quarter', 'is', null)
      .execute();
  },
  /** Every award of a branch, held or withdrawn: its star history, oldest first. */
  async historyOf(ex: Executor, branchId: string): Promise<StarAwardTable[]> {
    return ex
      .selectFrom('star_awards')
      .selectAll()
      .where('branch_id', '=', branchId)
      .orderBy('awarded_quarter')
      .orderBy('star_key')
      .execute();
  },
  /** Awards held during a quarter under a path: awarded by then and not withdrawn by then. */
  async heldIn(
    ex: Executor,
    districtCode: string,
    quarter: string,
    path: string,
  ): Promise<
    Pick<
      StarAwardTable,
      'id' | 'branch_id' | 'star_key' | 'star_name' | 'awarded_quarter' | 'awarded_at' | 'awarded_rating_id'
    >[]
  > {
    return ex
      .selectFrom('star_awards')
      .select(['id', 'branch_id', 'star_key', 'star_name', 'awarded_quarter', 'awarded_at', 'awarded_rating_id'])
      .where('district_code', '=', districtCode)
      .where('awarded_quarter', '<=', quarter)
      .where((eb) => eb.or([eb('withdrawn_quarter', 'is', null), eb('withdrawn_quarter', '>', quarter)]))
      .where(startsWith('branch_path', path))
      .execute();
  },
};

/**
 * What the rating reads of the tables others fill: the evidence a branch uploaded for a quarter
 * (star_evidence, the "cycle" helper's upload) and the kept computed rates (star_rate_values, the
 * "rates" helper's job). Read here with plain queries so the rating does not wait on their commands.
 */
export const ratingInputStore = {
  /** Evidence counts by 'starKey' (the star as a whole) and 'starKey/indicatorKey'. */
  async evidenceCounts(ex: Executor, branchId: string, quarter: string): Promise<Map<string, number>> {
    const rows = await ex
      .selectFrom('star_evidence')
      .select(['star_key', 'indicator_key', (eb) => eb.fn.countAll<number>().as('n')])
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .groupBy(['star_key', 'indicator_key'])
      .execute();
    return new Map(rows.map((r) => [r.indicator_key ? `${r.star_key}/${r.indicator_key}` : r.star_key, Number(r.n)]));
  },
  /** The evidence itself, for tracing a number back to it. */
  async evidenceOf(ex: Executor, branchId: string, quarter: string) {
    return ex
      .selectFrom('star_evidence')
      .select(['id', 'star_key', 'indicator_key', 'file_id', 'note', 'uploaded_by_name', 'uploaded_at'])
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .orderBy('uploaded_at')
      .execute();
  },
  /** A branch's kept rates for a quarter, by source code. */
  async rates(
    ex: Executor,
    branchId: string,
    quarter: string,
  ): Promise<Map<string, { numerator: number; denominator: number; computedAt: string }>> {
    const rows = await ex
      .selectFrom('star_rate_values')
      .select(['source', 'numerator', 'denominator', 'computed_at'])
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .execute();
    return new Map(
      rows.map((r) => [
        r.source,
        { numerator: Number(r.numerator), denominator: Number(r.denominator), computedAt: r.computed_at },
      ]),
    );
  },
};
