import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// "五星"支部 quarterly rating (每季评比, SPEC §9, issue 14 items 4–5): one rating per branch and quarter
// moving open → self_assessed (the branch) → proposed (the 街道: panel scores, proposed stars with
// reasons) → confirmed (the district) or returned to self_assessed with a reason; who and when for each
// step; the deadlines fixed when the row is made. The stars a branch holds are kept as history: an award
// row per star and award, closed by the quarter it was withdrawn in, each with its reason and rating.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('star_ratings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
    // The star set version (star_sets.id) the quarter is rated on.
    .addColumn('set_id', 'varchar(36)', (c) => c.notNull())
    // open | self_assessed | proposed | confirmed (stars/domain/rating-transitions.ts).
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    // Deadlines (inclusive local dates), working days after the quarter's end.
    .addColumn('self_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('propose_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('confirm_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('self_text', 'text')
    .addColumn('self_by', 'varchar(36)')
    .addColumn('self_by_name', 'varchar(40)')
    .addColumn('self_at', 'varchar(30)')
    // JSON { [starKey]: { [indicatorKey]: number } }: the panel's scores of the scored indicators.
    .addColumn('panel_scores', 'text')
    // JSON [{ key, hold, reason }]: the stars the 街道 proposes the branch holds (or loses) after the quarter.
    .addColumn('proposed_stars', 'text')
    .addColumn('proposal_remark', 'text')
    .addColumn('proposed_by', 'varchar(36)')
    .addColumn('proposed_by_name', 'varchar(40)')
    .addColumn('proposed_at', 'varchar(30)')
    // The last return to the 街道 (earlier ones are in the audit log); cleared by nothing.
    .addColumn('returned_reason', 'text')
    .addColumn('returned_by', 'varchar(36)')
    .addColumn('returned_by_name', 'varchar(40)')
    .addColumn('returned_at', 'varchar(30)')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON [{ key, hold, reason }]: the district's decision per star.
    .addColumn('confirmed_stars', 'text')
    // JSON: each star's outcome and each indicator's input (panel score, rate numerator/denominator,
    // evidence count) and points, as they stood at confirmation: what the ranking's numbers trace to.
    .addColumn('outcome', 'text')
    // Stars held after the confirmation and the total score (sum of the stars' scores): the ranking's keys.
    .addColumn('stars_held', 'integer')
    // JSON string[]: the names of the stars held after the confirmation, in the set's order.
    .addColumn('held_stars', 'text')
    .addColumn('total_score', 'double precision')
    .addColumn('confirmed_by', 'varchar(36)')
    .addColumn('confirmed_by_name', 'varchar(40)')
    .addColumn('confirmed_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    // Bumped by every step: a step that read an older row is refused, not merged.
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('star_ratings_branch_quarter', ['branch_id', 'quarter'])
    .execute();
  // A quarter's ratings by state, and the ranking's read answered from the index alone: the rows carry
  // the outcome JSON (kilobytes) ahead of the stars and the score, which a table read would walk through
  // for each of 20,000 branches.
  await db.schema
    .createIndex('star_ratings_quarter')
    .on('star_ratings')
    .columns([
      'district_code',
      'quarter',
      'state',
      'branch_path',
      'branch_id',
      'stars_held',
      'total_score',
      'held_stars',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('star_awards')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('star_key', 'varchar(32)', (c) => c.notNull())
    .addColumn('star_name', 'varchar(20)', (c) => c.notNull())
    // Held from this quarter on ...
    .addColumn('awarded_quarter', 'varchar(7)', (c) => c.notNull())
    .addColumn('award_reason', 'text', (c) => c.notNull())
    .addColumn('awarded_rating_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('awarded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('awarded_by_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('awarded_at', 'varchar(30)', (c) => c.notNull())
    // ... until the quarter it was withdrawn in (not held from then on); null while held.
    .addColumn('withdrawn_quarter', 'varchar(7)')
    .addColumn('withdraw_reason', 'text')
    .addColumn('withdrawn_rating_id', 'varchar(36)')
    .addColumn('withdrawn_by', 'varchar(36)')
    .addColumn('withdrawn_by_name', 'varchar(40)')
    .addColumn('withdrawn_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('star_awards_branch').on('star_awards').columns(['branch_id', 'star_key']).execute();
  // The stars held in a quarter under a path, answered from the index alone.
  await db.schema
    .createIndex('star_awards_held')
    .on('star_awards')
    .columns(['district_code', 'awarded_quarter', 'withdrawn_quarter', 'branch_path', 'branch_id', 'star_key', 'star_name'])
    .execute();

  // One reminder per branch, quarter, stage and kind (due soon / overdue): a claim written with the notice.
  await db.schema
    .createTable('star_rating_reminders')
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
    .addColumn('stage', 'varchar(8)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_rating_reminders_pk', ['branch_id', 'quarter', 'stage', 'kind'])
    .execute();
}
