import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { ReportFormTable, ReportSubmissionTable } from '../../../kernel/db/schema.js';
import type { ReportFormDefinition } from '../domain/index.js';

export interface LoadedForm {
  row: ReportFormTable;
  definition: ReportFormDefinition;
}

export const reportStore = {
  async forms(ex: Executor, districtCode: string): Promise<LoadedForm[]> {
    const rows = await ex.selectFrom('report_forms as f')
      .innerJoin('report_form_versions as v', (j) => j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'))
      .selectAll('f').select('v.definition').where('f.district_code', '=', districtCode).where('f.status', '=', 'active').orderBy('f.id').execute();
    return rows.map(({ definition, ...row }) => ({ row, definition: JSON.parse(definition) }));
  },

  async form(ex: Executor, id: string): Promise<LoadedForm | undefined> {
    const r = await ex.selectFrom('report_forms as f')
      .innerJoin('report_form_versions as v', (j) => j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'))
      .selectAll('f').select('v.definition').where('f.id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const { definition, ...row } = r;
    return { row, definition: JSON.parse(definition) };
  },

  async submission(ex: Executor, formId: string, unitId: string, period: string): Promise<ReportSubmissionTable | undefined> {
    return ex.selectFrom('report_submissions').selectAll().where('form_id', '=', formId).where('unit_id', '=', unitId).where('period', '=', period).executeTakeFirst();
  },

  /** The submissions of a form for a set of periods under a unit path. */
  async submissions(ex: Executor, formId: string, unitPath: string, periods: string[]): Promise<ReportSubmissionTable[]> {
    if (!periods.length) return [];
    return ex.selectFrom('report_submissions').selectAll().where('form_id', '=', formId)
      .where('period', '>=', periods[0]).where('period', '<=', periods[periods.length - 1])
      .where(startsWith('unit_path', unitPath)).execute();
  },
};
