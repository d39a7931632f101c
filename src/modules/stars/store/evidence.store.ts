import type { Executor } from '../../../kernel/db/db.js';
import type { StarEvidenceTable } from '../../../kernel/db/schema.js';

export type EvidenceRow = StarEvidenceTable;

/** The evidence branches show for stars and indicators (star_evidence): queries only, no rules. */
export const evidenceStore = {
  async byId(ex: Executor, id: string): Promise<EvidenceRow | undefined> {
    return ex.selectFrom('star_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async list(ex: Executor, branchId: string, quarter: string): Promise<EvidenceRow[]> {
    return ex
      .selectFrom('star_evidence')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .orderBy('star_key')
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
  },
  async insert(ex: Executor, row: EvidenceRow): Promise<void> {
    await ex.insertInto('star_evidence').values(row).execute();
  },
  async delete(ex: Executor, id: string): Promise<void> {
    await ex.deleteFrom('star_evidence').where('id', '=', id).execute();
  },
  async branchPathsOfFile(ex: Executor, fileId: string): Promise<{ district_code: string; branch_path: string }[]> {
    return ex
      .selectFrom('star_evidence')
      .select(['district_code', 'branch_path'])
      .where('file_id', '=', fileId)
      .execute();
  },
};
