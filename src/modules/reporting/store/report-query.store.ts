import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { ReportQueryMessageTable, ReportQueryTable } from '../../../kernel/db/schema.js';

/** 24小时数据核查: queries on submitted reports and their threads of questions and answers. */
export const reportQueryStore = {
  async insert(ex: Executor, row: ReportQueryTable): Promise<void> {
    await ex.insertInto('report_queries').values(row).execute();
  },
  async insertMessage(ex: Executor, row: ReportQueryMessageTable): Promise<void> {
    await ex.insertInto('report_query_messages').values(row).execute();
  },
  async findById(ex: Executor, id: string): Promise<ReportQueryTable | undefined> {
    return ex.selectFrom('report_queries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Marks a query answered, keeping the time of its first answer. */
  async markAnswered(ex: Executor, id: string, answeredAt: string): Promise<void> {
    await ex
      .updateTable('report_queries')
      .set({ status: 'answered', answered_at: answeredAt })
      .where('id', '=', id)
      .execute();
  },
  /** The newest queries of a district in a unit subtree. */
  async listInScope(
    ex: Executor,
    f: { districtCode: string; scopePath: string; status?: string; limit: number },
  ): Promise<ReportQueryTable[]> {
    let q = ex
      .selectFrom('report_queries')
      .selectAll()
      .where('district_code', '=', f.districtCode)
      .where(startsWith('unit_path', f.scopePath));
    if (f.status) q = q.where('status', '=', f.status);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },
  /** The threads of these queries, oldest message first. */
  async messagesOf(ex: Executor, queryIds: string[]): Promise<ReportQueryMessageTable[]> {
    return ex.selectFrom('report_query_messages').selectAll().where('query_id', 'in', queryIds).orderBy('id').execute();
  },
  /** Open queries whose answer was due before `at`. */
  async openDueBefore(ex: Executor, at: string): Promise<ReportQueryTable[]> {
    return ex.selectFrom('report_queries').selectAll().where('status', '=', 'open').where('due_at', '<', at).execute();
  },
  /** Flags an open query overdue; false when another process got there first. */
  async markOverdue(ex: Executor, id: string, at: string): Promise<boolean> {
    const r = await ex
      .updateTable('report_queries')
      .set({ status: 'overdue', escalated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
