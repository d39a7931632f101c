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

  /** The district's rows among the ids, with who uploaded them. */
  async uploaders(ex: Executor, districtCode: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows = await ex
      .selectFrom('files')
      .select(['id', 'uploaded_by'])
      .where('district_code', '=', districtCode)
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.uploaded_by]));
  },
  /** Pending files become attached (a file attached before keeps its first time). */
  async markAttached(ex: Executor, ids: readonly string[], at: string): Promise<void> {
    if (ids.length)
      await ex
        .updateTable('files')
        .set({ attached_at: at })
        .where('id', 'in', [...ids])
        .where('attached_at', 'is', null)
        .execute();
  },
  /** Bytes of the account's pending (never attached) uploads. */
  async pendingBytes(ex: Executor, accountId: string): Promise<number> {
    const r = await ex
      .selectFrom('files')
      .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
      .where('uploaded_by', '=', accountId)
      .where('attached_at', 'is', null)
      .executeTakeFirst();
    return Number(r?.total ?? 0);
  },
  /** Pending uploads made before the moment. */
  async pendingBefore(ex: Executor, before: string): Promise<{ id: string; sha256: string }[]> {
    return ex
      .selectFrom('files')
      .select(['id', 'sha256'])
      .where('attached_at', 'is', null)
      .where('uploaded_at', '<', before)
      .execute();
  },
  /** Deletes those of the ids still pending (one attached meanwhile stays). */
  async deleteIds(ex: Executor, ids: readonly string[]): Promise<void> {
    if (ids.length)
      await ex
        .deleteFrom('files')
        .where('id', 'in', [...ids])
        .where('attached_at', 'is', null)
        .execute();
  },
  /** Which of the contents some remaining row still names (content-addressed: rows share bytes). */
  async shasInUse(ex: Executor, shas: readonly string[]): Promise<Set<string>> {
    if (!shas.length) return new Set();
    const rows = await ex
      .selectFrom('files')
      .select('sha256')
      .distinct()
      .where('sha256', 'in', [...shas])
      .execute();
    return new Set(rows.map((r) => r.sha256));
  },

  /** Marks files as attached to a case; a file already attached keeps its case. */
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
