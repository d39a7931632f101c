import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
// 督查督办 (SPEC §7): meetings and their decisions, tasks decomposed from them with milestones,
// progress reports and 督办 notices, assessment marks and rules, and the annual consultation plan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_topics')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    /** 协商形式: 专题协商, 对口协商, 界别协商, 提案办理协商 … */
    .addColumn('form', 'varchar(20)', (c) => c.notNull())
    /** Planned month, 'YYYY-MM'. */
    .addColumn('planned_month', 'varchar(7)', (c) => c.notNull())
    .addColumn('lead_unit_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_topics_year').on('consultation_topics').columns(['district_code', 'year']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('chair_id', 'varchar(36)')
    .addColumn('attendee_ids', 'text', (c) => c.notNull())
    .addColumn('attendee_unit_ids', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('topic_id', 'varchar(36)', (c) => c.references('consultation_topics.id'))
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_held').on('meetings').columns(['district_code', 'held_on']).execute();

  await db.schema
    .createTable('meeting_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('meeting_id', 'varchar(36)', (c) => c.notNull().references('meetings.id'))
    /** decision (议定事项) or opinion (评审意见 / 审议意见). */
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    /** For a review opinion on a key project: the project it concerns. */
    .addColumn('project_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('meeting_items_meeting').on('meeting_items').columns(['meeting_id', 'seq']).unique().execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** task (任务) or key_project (重点项目). */
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    /** decision, opinion, work_plan, topic, manual. */
    .addColumn('source', 'varchar(12)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('root_id', 'varchar(36)', (c) => c.notNull())
    /** '/rootId/…/id/': the sub-task tree, for roll-ups and subtree reads. */
    .addColumn('tree_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'varchar(36)', (c) => c.references('meeting_items.id'))
    .addColumn('topic_id', 'varchar(36)', (c) => c.references('consultation_topics.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lead_leader_id', 'varchar(36)')
    .addColumn('lead_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('lead_unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('cooperating_unit_ids', 'text', (c) => c.notNull())
    .addColumn('start_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline_on', 'varchar(10)', (c) => c.notNull())
    /** Cadence JSON or null. */
    .addColumn('cadence', 'text')
    .addColumn('weight', 'double precision')
    /** Cached from the pure rules as of status_on; refreshed on every change and daily by a job. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('status_reasons', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('status_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    /** Due date of the last missed report period the lead leader was told of. */
    .addColumn('missing_notified_due', 'varchar(10)')
    /** JSON day → the six counts this task adds to its lead unit's assessment (see unit_assessment_days). */
    .addColumn('assessment_days', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_leader').on('tasks').columns(['lead_leader_id', 'status', 'deadline_on']).execute();
  await db.schema.createIndex('tasks_parent').on('tasks').columns(['parent_id']).execute();
  await db.schema.createIndex('tasks_root').on('tasks').columns(['root_id']).execute();
  await db.schema.createIndex('tasks_status').on('tasks').columns(['district_code', 'status', 'status_on']).execute();
  await db.schema.createIndex('tasks_item').on('tasks').columns(['item_id']).execute();

  // Every unit a task is owed by (lead and cooperating), for the unit's view and data scope.
  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('role', 'varchar(5)', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_path').on('task_units').columns(['unit_path', 'task_id']).execute();

  await db.schema
    .createTable('task_milestones')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addColumn('done_by', 'varchar(36)')
    .addColumn('weight', 'double precision')
    .addColumn('missed_notified_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('task_milestones_task').on('task_milestones').columns(['task_id', 'seq']).unique().execute();
  await db.schema.createIndex('task_milestones_due').on('task_milestones').columns(['due_on']).execute();

  await db.schema
    .createTable('task_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('tasks.id'))
    .addColumn('reported_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('percent', 'double precision', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_reports_task').on('task_reports').columns(['task_id', 'reported_on']).execute();
  // Evidence photos of progress reports: whoever sees the task may open them.
  await db.schema
    .createTable('task_report_files')
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('tasks.id'))
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('task_reports.id'))
    .addPrimaryKeyConstraint('task_report_files_pk', ['file_id', 'report_id'])
    .execute();

  // 催办 / 督办 notices with a reply deadline; unanswered ones escalate to the lead leader.
  await db.schema
    .createTable('task_notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('tasks.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('to_unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reply_due_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('sent_by_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'varchar(36)')
    .addColumn('replied_by_name', 'varchar(50)')
    .addColumn('replied_at', 'varchar(30)')
    .addColumn('escalated_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('task_notices_task').on('task_notices').columns(['task_id', 'sent_at']).execute();
  await db.schema.createIndex('task_notices_open').on('task_notices').columns(['replied_at', 'reply_due_at']).execute();
  await db.schema.createIndex('task_notices_unit').on('task_notices').columns(['to_unit_path']).execute();

  // Quality marks (质量评价) the supervision office gives a unit; scored by the quality rule.
  await db.schema
    .createTable('assessment_marks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(36)')
    .addColumn('marked_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('given_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('given_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_marks_on').on('assessment_marks').columns(['district_code', 'marked_on']).execute();

  // Running sums of assessment facts per unit and local day, kept from each task's own
  // contributions as it changes, so a quarter's ranking reads days × units, not every task.
  await db.schema
    .createTable('unit_assessment_days')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('milestones_due', 'integer', (c) => c.notNull())
    .addColumn('milestones_on_time', 'integer', (c) => c.notNull())
    .addColumn('report_periods_due', 'integer', (c) => c.notNull())
    .addColumn('report_periods_reported', 'integer', (c) => c.notNull())
    .addColumn('tasks_due', 'integer', (c) => c.notNull())
    .addColumn('tasks_late', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_assessment_days_pk', ['district_code', 'day', 'unit_id'])
    .execute();

  await db.schema
    .createTable('assessment_rules')
    .addColumn('district_code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assessment_rules', 'unit_assessment_days', 'assessment_marks', 'task_notices', 'task_report_files', 'task_reports', 'task_milestones', 'task_units', 'tasks', 'meeting_items', 'meetings', 'consultation_topics']) {
    await db.schema.dropTable(t).execute();
  }
}
