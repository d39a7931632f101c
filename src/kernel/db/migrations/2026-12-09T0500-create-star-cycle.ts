import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// "五星"支部 (SPEC §9, issue 14), the weekly and monthly parts of the "三个一" cycle: weekly progress
// (每周推进: one report per branch and ISO week, amended in place with every version kept, its files,
// and the one reminder to a silent branch), and observation events (每月观摩: held by a 街道, the
// branches visited, the visitors and each visitor's score and remark per visited branch).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('star_weekly_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    // The Monday of the ISO week, YYYY-MM-DD in the district's zone.
    .addColumn('week', 'varchar(10)', (c) => c.notNull())
    // The current text and files (JSON string[]); earlier versions in star_weekly_revisions.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    // When the week was first reported: on time or late is judged by it, not by a later amendment.
    .addColumn('first_submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('submitted_by_name', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('star_weekly_reports_branch_week', ['branch_id', 'week'])
    .execute();
  await db.schema
    .createIndex('star_weekly_reports_week')
    .on('star_weekly_reports')
    .columns(['district_code', 'week'])
    .execute();

  await db.schema
    .createTable('star_weekly_revisions')
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('submitted_by_name', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_weekly_revisions_pk', ['report_id', 'revision'])
    .execute();

  // Every file a report has carried in any version: who may download it (files module) is read here.
  await db.schema
    .createTable('star_weekly_files')
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_weekly_files_pk', ['report_id', 'file_id'])
    .execute();
  await db.schema.createIndex('star_weekly_files_file').on('star_weekly_files').column('file_id').execute();

  // The one reminder to a silent branch for a week: the claim is written with the notice.
  await db.schema
    .createTable('star_weekly_reminders')
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('week', 'varchar(10)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('reminded_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_weekly_reminders_pk', ['branch_id', 'week'])
    .execute();

  await db.schema
    .createTable('star_observations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    // The 街道 (or 乡镇) holding it, and its path: who may keep it.
    .addColumn('host_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('host_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(80)', (c) => c.notNull())
    // The branch where it is held (its place).
    .addColumn('place_branch_id', 'varchar(36)', (c) => c.notNull())
    // How many took part (e.g. 33 聚力团 members); null when not counted.
    .addColumn('attendees', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_by_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('star_observations_day')
    .on('star_observations')
    .columns(['district_code', 'day'])
    .execute();

  await db.schema
    .createTable('star_observation_branches')
    .addColumn('observation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_observation_branches_pk', ['observation_id', 'branch_id'])
    .execute();
  await db.schema
    .createIndex('star_observation_branches_branch')
    .on('star_observation_branches')
    .column('branch_id')
    .execute();

  await db.schema
    .createTable('star_observation_visitors')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('observation_id', 'varchar(36)', (c) => c.notNull())
    // An account of the platform, or null for a visitor known by name only.
    .addColumn('account_id', 'varchar(36)')
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('star_observation_visitors_obs')
    .on('star_observation_visitors')
    .column('observation_id')
    .execute();

  await db.schema
    .createTable('star_observation_scores')
    .addColumn('observation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('visitor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(36)', (c) => c.notNull())
    // 0–100.
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('remark', 'text')
    .addColumn('entered_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('entered_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_observation_scores_pk', ['visitor_id', 'branch_id'])
    .execute();
  await db.schema
    .createIndex('star_observation_scores_obs')
    .on('star_observation_scores')
    .column('observation_id')
    .execute();
}
