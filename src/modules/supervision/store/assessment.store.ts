import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type {
  AssessmentMarkTable,
  AssessmentRulesTable,
  TaskTable,
  UnitAssessmentDayTable,
} from '../../../kernel/db/schema.js';

/** 考核: the district's rules, quality marks, and the unit × day sums kept by the status refresh. */
export const assessmentStore = {
  /** The district's rules as stored (JSON), if it has set any. */
  async rules(ex: Executor, districtCode: string): Promise<string | undefined> {
    const row = await ex
      .selectFrom('assessment_rules')
      .select('rules')
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
    return row?.rules;
  },
  async replaceRules(ex: Executor, row: AssessmentRulesTable): Promise<void> {
    await ex.deleteFrom('assessment_rules').where('district_code', '=', row.district_code).execute();
    await ex.insertInto('assessment_rules').values(row).execute();
  },
  async insertMark(ex: Executor, row: AssessmentMarkTable): Promise<void> {
    await ex.insertInto('assessment_marks').values(row).execute();
  },
  /** Quality marks given on days from `from` to `to`, in the order they were given. */
  async marks(ex: Executor, districtCode: string, from: string, to: string) {
    return ex
      .selectFrom('assessment_marks')
      .select(['unit_id', 'score'])
      .where('district_code', '=', districtCode)
      .where('marked_on', '>=', from)
      .where('marked_on', '<=', to)
      .orderBy('given_at')
      .execute();
  },
  /**
   * Per unit, the unit × day sums over the period: milestones up to `end`, report periods and
   * deadlines before `asOf` (the way unitFacts cuts).
   */
  async daySums(ex: Executor, districtCode: string, period: { from: string; to: string }, end: string, asOf: string) {
    return ex
      .selectFrom('unit_assessment_days')
      .select([
        'unit_id',
        sql<number>`sum(case when day <= ${end} then milestones_due else 0 end)`.as('md'),
        sql<number>`sum(case when day <= ${end} then milestones_on_time else 0 end)`.as('mo'),
        sql<number>`sum(case when day < ${asOf} then report_periods_due else 0 end)`.as('rd'),
        sql<number>`sum(case when day < ${asOf} then report_periods_reported else 0 end)`.as('rr'),
        sql<number>`sum(case when day < ${asOf} then tasks_due else 0 end)`.as('td'),
        sql<number>`sum(case when day < ${asOf} then tasks_late else 0 end)`.as('tl'),
      ])
      .where('district_code', '=', districtCode)
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy('unit_id')
      .execute();
  },
  /**
   * Milestones due from `from` to `end` (local dates, both included) and of those done on time, over
   * the tasks led by the given units: the unit × day sums, read in chunks of ids.
   */
  async milestoneSums(ex: Executor, districtCode: string, unitIds: readonly string[], from: string, end: string) {
    let due = 0;
    let onTime = 0;
    for (let i = 0; i < unitIds.length; i += 500) {
      const r = await ex
        .selectFrom('unit_assessment_days')
        .select([
          sql<number>`coalesce(sum(milestones_due), 0)`.as('md'),
          sql<number>`coalesce(sum(milestones_on_time), 0)`.as('mo'),
        ])
        .where('district_code', '=', districtCode)
        .where('day', '>=', from)
        .where('day', '<=', end)
        .where('unit_id', 'in', unitIds.slice(i, i + 500))
        .executeTakeFirstOrThrow();
      due += Number(r.md);
      onTime += Number(r.mo);
    }
    return { due, onTime };
  },
  /** The milestones due and done on time from `from` to `end`, summed per lead unit (every unit of the district at once). */
  async milestoneSumsByUnit(ex: Executor, districtCode: string, from: string, end: string) {
    const rows = await ex
      .selectFrom('unit_assessment_days')
      .select([
        'unit_id',
        sql<number | string>`sum(milestones_due)`.as('md'),
        sql<number | string>`sum(milestones_on_time)`.as('mo'),
      ])
      .where('district_code', '=', districtCode)
      .where('day', '>=', from)
      .where('day', '<=', end)
      .groupBy('unit_id')
      .execute();
    return rows.map((r) => ({ unitId: r.unit_id, due: Number(r.md), onTime: Number(r.mo) }));
  },
  /** The milestones due from `from` to `end` of the tasks led by units under `path`, latest due first. */
  async milestonesDue(ex: Executor, districtCode: string, path: string, from: string, end: string, limit: number) {
    return ex
      .selectFrom('task_milestones as m')
      .innerJoin('tasks as t', 't.id', 'm.task_id')
      .select([
        'm.id',
        'm.title',
        'm.due_on',
        'm.done_on',
        't.title as task_title',
        't.id as task_id',
        't.lead_unit_id',
      ])
      .where('m.district_code', '=', districtCode)
      .where('m.due_on', '>=', from)
      .where('m.due_on', '<=', end)
      .where(startsWith('t.lead_unit_path', path))
      .orderBy('m.due_on', 'desc')
      .orderBy('m.id')
      .limit(limit)
      .execute();
  },
  /**
   * The milestones due from `from` to `end` of the tasks led by units under `path`, and those done on
   * or before their due date (and by `today`, as taskDayFacts counts them), counted over the raw rows.
   */
  async milestonesDueCounts(
    ex: Executor,
    districtCode: string,
    path: string,
    from: string,
    end: string,
    today: string,
  ): Promise<{ due: number; onTime: number }> {
    const r = await ex
      .selectFrom('task_milestones as m')
      .innerJoin('tasks as t', 't.id', 'm.task_id')
      .select([
        (eb) => eb.fn.countAll<number | string>().as('due'),
        sql<
          number | string | null
        >`sum(case when m.done_on is not null and m.done_on <= m.due_on and m.done_on <= ${today} then 1 else 0 end)`.as(
          'on_time',
        ),
      ])
      .where('m.district_code', '=', districtCode)
      .where('m.due_on', '>=', from)
      .where('m.due_on', '<=', end)
      .where(startsWith('t.lead_unit_path', path))
      .executeTakeFirstOrThrow();
    return { due: Number(r.due), onTime: Number(r.on_time ?? 0) };
  },
  /** Every task of the district running at some time in the period. */
  async tasksRunning(ex: Executor, districtCode: string, period: { from: string; to: string }): Promise<TaskTable[]> {
    return ex
      .selectFrom('tasks')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('start_on', '<=', period.to)
      .where('deadline_on', '>=', period.from)
      .execute();
  },

  /** Adds each row's counts to the unit × day sums (inserting the days not there yet). */
  async addDaySums(ex: Executor, rows: UnitAssessmentDayTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await ex
        .insertInto('unit_assessment_days')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.columns(['district_code', 'day', 'unit_id']).doUpdateSet({
            milestones_due: sql`unit_assessment_days.milestones_due + excluded.milestones_due`,
            milestones_on_time: sql`unit_assessment_days.milestones_on_time + excluded.milestones_on_time`,
            report_periods_due: sql`unit_assessment_days.report_periods_due + excluded.report_periods_due`,
            report_periods_reported: sql`unit_assessment_days.report_periods_reported + excluded.report_periods_reported`,
            tasks_due: sql`unit_assessment_days.tasks_due + excluded.tasks_due`,
            tasks_late: sql`unit_assessment_days.tasks_late + excluded.tasks_late`,
          }),
        )
        .execute();
    }
  },
};
