import type { Executor } from '../../../kernel/db/db.js';
import { rebasedPath, startsWith } from '../../../kernel/db/dialect.js';
import type {
  ReportFormTable,
  ReportFormVersionTable,
  ReportSubmissionHistoryTable,
  ReportSubmissionTable,
} from '../../../kernel/db/schema.js';
import type { ReportFormDefinition } from '../domain/index.js';

export interface LoadedForm {
  row: ReportFormTable;
  definition: ReportFormDefinition;
}

export const reportStore = {
  async forms(ex: Executor, districtCode: string): Promise<LoadedForm[]> {
    const rows = await ex
      .selectFrom('report_forms as f')
      .innerJoin('report_form_versions as v', (j) =>
        j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
      )
      .selectAll('f')
      .select('v.definition')
      .where('f.district_code', '=', districtCode)
      .where('f.status', '=', 'active')
      .orderBy('f.id')
      .execute();
    return rows.map(({ definition, ...row }) => ({ row, definition: JSON.parse(definition) }));
  },

  async form(ex: Executor, id: string): Promise<LoadedForm | undefined> {
    const r = await ex
      .selectFrom('report_forms as f')
      .innerJoin('report_form_versions as v', (j) =>
        j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
      )
      .selectAll('f')
      .select('v.definition')
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    const { definition, ...row } = r;
    return { row, definition: JSON.parse(definition) };
  },

  async submission(
    ex: Executor,
    formId: string,
    unitId: string,
    period: string,
  ): Promise<ReportSubmissionTable | undefined> {
    return ex
      .selectFrom('report_submissions')
      .selectAll()
      .where('form_id', '=', formId)
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .executeTakeFirst();
  },

  /** The submissions of a form for a set of periods under a unit path. */
  async submissions(
    ex: Executor,
    formId: string,
    unitPath: string,
    periods: string[],
  ): Promise<ReportSubmissionTable[]> {
    if (!periods.length) return [];
    return ex
      .selectFrom('report_submissions')
      .selectAll()
      .where('form_id', '=', formId)
      .where('period', '>=', periods[0])
      .where('period', '<=', periods[periods.length - 1])
      .where(startsWith('unit_path', unitPath))
      .execute();
  },

  /** Every version of a form's definition, oldest first. */
  async versions(ex: Executor, formId: string): Promise<ReportFormDefinition[]> {
    const rows = await ex
      .selectFrom('report_form_versions')
      .select('definition')
      .where('form_id', '=', formId)
      .orderBy('version')
      .execute();
    return rows.map((r) => JSON.parse(r.definition) as ReportFormDefinition);
  },

  /** Timeliness and zero flags of the reports of some units over a period range (no values). */
  async flagsOfUnits(ex: Executor, formId: string, unitIds: string[], from: string, to: string) {
    if (!unitIds.length) return [];
    const out: { unit_id: string; period: string; on_time: number; zero: number }[] = [];
    for (let i = 0; i < unitIds.length; i += 500) {
      out.push(
        ...(await ex
          .selectFrom('report_submissions')
          .select(['unit_id', 'period', 'on_time', 'zero'])
          .where('form_id', '=', formId)
          .where('unit_id', 'in', unitIds.slice(i, i + 500))
          .where('period', '>=', from)
          .where('period', '<=', to)
          .execute()),
      );
    }
    return out;
  },

  /** The reports (with values) of some units over a period range. */
  async reportsOfUnits(ex: Executor, formId: string, unitIds: string[], from: string, to: string) {
    if (!unitIds.length) return [];
    const out: { unit_id: string; period: string; zero: number; values: string; form_version: number }[] = [];
    for (let i = 0; i < unitIds.length; i += 500) {
      out.push(
        ...(await ex
          .selectFrom('report_submissions')
          .select(['unit_id', 'period', 'zero', 'values', 'form_version'])
          .where('form_id', '=', formId)
          .where('unit_id', 'in', unitIds.slice(i, i + 500))
          .where('period', '>=', from)
          .where('period', '<=', to)
          .execute()),
      );
    }
    return out;
  },

  /** Which of these units have a report for the period. */
  async unitsWithReport(ex: Executor, formId: string, period: string, unitIds: string[]): Promise<Set<string>> {
    if (!unitIds.length) return new Set();
    const rows = await ex
      .selectFrom('report_submissions')
      .select('unit_id')
      .where('form_id', '=', formId)
      .where('period', '=', period)
      .where('unit_id', 'in', unitIds)
      .execute();
    return new Set(rows.map((r) => r.unit_id));
  },

  /** A form's submissions in id order, a page at a time (the roll-up rebuild). */
  async submissionPage(ex: Executor, formId: string, afterId: string, limit: number) {
    return ex
      .selectFrom('report_submissions')
      .select(['id', 'unit_path', 'period', 'on_time', 'zero', 'values', 'form_version'])
      .where('form_id', '=', formId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Every form of a district, replaced ones too (their reports still count in the roll-up). */
  async formIds(ex: Executor, districtCode: string): Promise<string[]> {
    return (
      await ex.selectFrom('report_forms').select('id').where('district_code', '=', districtCode).orderBy('id').execute()
    ).map((r) => r.id);
  },

  /** One unit's own reports of a form, every period. */
  async reportsOfUnit(ex: Executor, formId: string, unitId: string) {
    return ex
      .selectFrom('report_submissions')
      .select(['period', 'on_time', 'zero', 'values', 'form_version'])
      .where('form_id', '=', formId)
      .where('unit_id', '=', unitId)
      .orderBy('period')
      .execute();
  },

  /** Re-keys the reports of these units made under oldPath to newPath (a moved subtree); by unit id, so the unique index finds them. */
  async movePaths(ex: Executor, formId: string, unitIds: string[], oldPath: string, newPath: string): Promise<number> {
    let n = 0;
    for (let i = 0; i < unitIds.length; i += 500) {
      const r = await ex
        .updateTable('report_submissions')
        .set({ unit_path: rebasedPath('unit_path', oldPath, newPath) })
        .where('form_id', '=', formId)
        .where('unit_id', 'in', unitIds.slice(i, i + 500))
        .where(startsWith('unit_path', oldPath))
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    return n;
  },

  async insertForm(ex: Executor, row: ReportFormTable): Promise<void> {
    await ex.insertInto('report_forms').values(row).execute();
  },
  async insertFormVersion(ex: Executor, row: ReportFormVersionTable): Promise<void> {
    await ex.insertInto('report_form_versions').values(row).execute();
  },
  /** Makes `version` the form's current one. */
  async setCurrentVersion(ex: Executor, formId: string, version: number, name: string, at: string): Promise<void> {
    await ex
      .updateTable('report_forms')
      .set({ current_version: version, name, updated_at: at })
      .where('id', '=', formId)
      .execute();
  },
  async formName(ex: Executor, formId: string): Promise<string> {
    return (await ex.selectFrom('report_forms').select('name').where('id', '=', formId).executeTakeFirstOrThrow()).name;
  },
  async submissionById(ex: Executor, id: string): Promise<ReportSubmissionTable | undefined> {
    return ex.selectFrom('report_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** What a data query shows of each questioned report. */
  async submissionsByIds(ex: Executor, ids: string[]) {
    return ex
      .selectFrom('report_submissions')
      .select(['id', 'form_id', 'unit_id', 'period', 'zero', 'values'])
      .where('id', 'in', ids)
      .execute();
  },
  async insertSubmission(ex: Executor, row: ReportSubmissionTable): Promise<void> {
    await ex.insertInto('report_submissions').values(row).execute();
  },
  /** A correction: the new content under the next revision (the old one goes to the history first). */
  async correctSubmission(
    ex: Executor,
    id: string,
    set: Pick<ReportSubmissionTable, 'form_version' | 'zero' | 'values' | 'revision' | 'updated_at' | 'system_values'>,
  ): Promise<void> {
    await ex.updateTable('report_submissions').set(set).where('id', '=', id).execute();
  },
  async insertHistory(ex: Executor, row: ReportSubmissionHistoryTable): Promise<void> {
    await ex.insertInto('report_submission_history').values(row).execute();
  },
  /** A report's earlier revisions, oldest first. */
  async history(ex: Executor, submissionId: string): Promise<ReportSubmissionHistoryTable[]> {
    return ex
      .selectFrom('report_submission_history')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('revision')
      .execute();
  },
};
