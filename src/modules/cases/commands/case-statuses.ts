import type { Executor } from '../../../kernel/db/db.js';
import type { CaseStatus } from '../domain/index.js';

/**
 * The current status of cases by id, for modules that keep their own rows about cases (the farmland
 * table counts open and closed ones) without reading the ledger's tables. Unknown ids are left out.
 */
export async function caseStatuses(ex: Executor, ids: readonly string[]): Promise<Map<string, CaseStatus>> {
  const out = new Map<string, CaseStatus>();
  const uniq = [...new Set(ids)];
  // Chunked: an IN list stays well below SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < uniq.length; i += 500) {
    const rows = await ex
      .selectFrom('cases')
      .select(['id', 'status'])
      .where('id', 'in', uniq.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.status as CaseStatus);
  }
  return out;
}
