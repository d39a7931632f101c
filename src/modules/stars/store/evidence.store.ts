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

/**
 * How many pieces of evidence a branch shows in a quarter, for the rating: under 'starKey' every
 * piece of the star (for the star as a whole and for each of its indicators), under
 * 'starKey/indicatorKey' the pieces for that indicator alone.
 */
export async function evidenceCounts(ex: Executor, branchId: string, quarter: string): Promise<Map<string, number>> {
  const rows = await ex
    .selectFrom('star_evidence')
    .select(['star_key', 'indicator_key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('branch_id', '=', branchId)
    .where('quarter', '=', quarter)
    .groupBy(['star_key', 'indicator_key'])
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const n = Number(r.n);
    out.set(r.star_key, (out.get(r.star_key) ?? 0) + n);
    if (r.indicator_key) out.set(`${r.star_key}/${r.indicator_key}`, n);
  }
  return out;
}
