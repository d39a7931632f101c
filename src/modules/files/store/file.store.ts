import type { Executor } from '../../../kernel/db/db.js';
import type { FileTable } from '../../../kernel/db/schema.js';

/** The uploaded files' metadata; the bytes are in the kernel's file store. */
export const fileStore = {
  async insert(ex: Executor, row: FileTable): Promise<void> {
    await ex.insertInto('files').values(row).execute();
  },
  async findById(ex: Executor, id: string): Promise<FileTable | undefined> {
    return ex.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Marks files as attached to a case; a file already attached keeps its case. */
  /** Which of the ids are uploaded files. */
  async existingIds(
    ex: Executor,
    districtCode: string,
    ids: readonly string[],
    uploadedBy?: string,
  ): Promise<Set<string>> {
    if (!ids.length) return new Set();
    let q = ex
      .selectFrom('files')
      .select('id')
      .where('district_code', '=', districtCode)
      .where('id', 'in', [...ids]);
    if (uploadedBy !== undefined) q = q.where('uploaded_by', '=', uploadedBy);
    const rows = await q.execute();
    return new Set(rows.map((r) => r.id));
  },

  async attachToCase(ex: Executor, caseId: string, fileIds: string[]): Promise<void> {
    if (fileIds.length)
      await ex
        .updateTable('files')
        .set({ case_id: caseId })
        .where('id', 'in', fileIds)
        .where('case_id', 'is', null)
        .execute();
  },
};
