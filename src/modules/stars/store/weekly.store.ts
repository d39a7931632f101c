import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type {
  StarWeeklyReminderTable,
  StarWeeklyReportTable,
  StarWeeklyRevisionTable,
} from '../../../kernel/db/schema.js';

export type WeeklyRow = StarWeeklyReportTable;

/** Weekly progress reports, their versions, files and reminders: queries only, no rules. */
export const weeklyStore = {
  async byId(ex: Executor, id: string): Promise<WeeklyRow | undefined> {
    return ex.selectFrom('star_weekly_reports').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byBranchWeek(ex: Executor, branchId: string, week: string): Promise<WeeklyRow | undefined> {
    return ex
      .selectFrom('star_weekly_reports')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('week', '=', week)
      .executeTakeFirst();
  },
  /** The reports of branches under a path for weeks [first, last] (Mondays). */
  async under(ex: Executor, districtCode: string, path: string, first: string, last: string): Promise<WeeklyRow[]> {
    return ex
      .selectFrom('star_weekly_reports')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where(startsWith('branch_path', path))
      .where('week', '>=', first)
      .where('week', '<=', last)
      .execute();
  },
  async ofBranches(ex: Executor, branchIds: readonly string[], weeks: readonly string[]): Promise<WeeklyRow[]> {
    if (!branchIds.length || !weeks.length) return [];
    return ex
      .selectFrom('star_weekly_reports')
      .selectAll()
      .where('branch_id', 'in', branchIds)
      .where('week', 'in', weeks)
      .execute();
  },
  async insert(ex: Executor, row: WeeklyRow): Promise<void> {
    await ex.insertInto('star_weekly_reports').values(row).execute();
  },
  async amend(
    ex: Executor,
    id: string,
    fromRevision: number,
    set: Pick<WeeklyRow, 'text' | 'file_ids' | 'revision' | 'submitted_at' | 'submitted_by' | 'submitted_by_name'>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('star_weekly_reports')
      .set(set)
      .where('id', '=', id)
      .where('revision', '=', fromRevision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async insertRevision(ex: Executor, row: StarWeeklyRevisionTable, fileIds: readonly string[]): Promise<void> {
    await ex.insertInto('star_weekly_revisions').values(row).execute();
    if (fileIds.length)
      await ex
        .insertInto('star_weekly_files')
        .values(fileIds.map((file_id) => ({ report_id: row.report_id, file_id })))
        .onConflict((oc) => oc.columns(['report_id', 'file_id']).doNothing())
        .execute();
  },
  async revisions(ex: Executor, reportId: string): Promise<StarWeeklyRevisionTable[]> {
    return ex
      .selectFrom('star_weekly_revisions')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('revision')
      .execute();
  },
  /** Files ever carried by the report (any version). */
  async fileIdsOf(ex: Executor, reportId: string): Promise<Set<string>> {
    const rows = await ex.selectFrom('star_weekly_files').select('file_id').where('report_id', '=', reportId).execute();
    return new Set(rows.map((r) => r.file_id));
  },
  /** The branch paths of the reports that carry a file (files module: who may download it). */
  async branchPathsOfFile(ex: Executor, fileId: string): Promise<{ district_code: string; branch_path: string }[]> {
    return ex
      .selectFrom('star_weekly_files as f')
      .innerJoin('star_weekly_reports as r', 'r.id', 'f.report_id')
      .select(['r.district_code', 'r.branch_path'])
      .where('f.file_id', '=', fileId)
      .execute();
  },
  async reminders(ex: Executor, branchIds: readonly string[], weeks: readonly string[]) {
    if (!branchIds.length || !weeks.length) return [];
    return ex
      .selectFrom('star_weekly_reminders')
      .selectAll()
      .where('branch_id', 'in', branchIds)
      .where('week', 'in', weeks)
      .execute();
  },
  /** True when this call took the claim (the reminder is sent in the same transaction). */
  async claimReminder(ex: Executor, row: StarWeeklyReminderTable): Promise<boolean> {
    const r = await ex
      .insertInto('star_weekly_reminders')
      .values(row)
      .onConflict((oc) => oc.columns(['branch_id', 'week']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
};
