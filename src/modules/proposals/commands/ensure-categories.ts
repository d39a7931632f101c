import { newId } from '../../../kernel/ids.js';
import { CATEGORY_SORT_STEP, DEFAULT_PROPOSAL_CATEGORIES } from '../domain/categories.js';
import type { ProposalsDeps } from '../deps.js';
import { categoryStore } from '../store/category.store.js';

/**
 * Gives a district without any category the default list; idempotent, run at every start. A district
 * that has a list keeps it as its 提案委 left it (retired defaults are not brought back).
 */
export async function ensureProposalCategories(
  deps: Pick<ProposalsDeps, 'database' | 'clock'>,
  districtCode: string,
): Promise<number> {
  return deps.database.db.transaction().execute(async (trx) => {
    if ((await categoryStore.list(trx, districtCode)).length > 0) return 0;
    const now = deps.clock.now();
    const rows = DEFAULT_PROPOSAL_CATEGORIES.map((name, i) => ({
      id: newId(now.getTime()),
      district_code: districtCode,
      name,
      sort_order: (i + 1) * CATEGORY_SORT_STEP,
      active: 1,
      updated_at: now.toISOString(),
    }));
    await categoryStore.insert(trx, rows);
    return rows.length;
  });
}
