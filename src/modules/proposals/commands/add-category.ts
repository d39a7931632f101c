import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { CATEGORY_SORT_STEP } from '../domain/categories.js';
import type { ProposalsDeps } from '../deps.js';
import { categoryStore } from '../store/category.store.js';

export const categoryTaken = () =>
  new Conflict('proposal.category_taken', 'a category of that name exists', [
    { field: 'name', code: 'proposal.category_exists', message: 'the name exists' },
  ]);

/** Adds a category to the district's list (at the end unless a sort order is given). */
export async function addProposalCategory(
  deps: ProposalsDeps,
  actor: Actor,
  input: { name: string; sortOrder?: number },
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  const id = newId(now.getTime());
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const sort = input.sortOrder ?? (await categoryStore.maxSortOrder(trx, actor.districtCode)) + CATEGORY_SORT_STEP;
      await categoryStore.insert(trx, [
        {
          id,
          district_code: actor.districtCode,
          name: input.name,
          sort_order: sort,
          active: 1,
          updated_at: now.toISOString(),
        },
      ]);
      await recordAudit(trx, {
        actor,
        action: 'proposal_category.create',
        entityType: 'proposal_category',
        entityId: id,
        at: now,
        requestId,
        summary: `新增提案类别「${input.name}」`,
        after: { name: input.name, sortOrder: sort },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw categoryTaken();
    throw err;
  }
  return id;
}
