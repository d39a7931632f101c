import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { NotFound } from '../../../kernel/errors.js';
import type { ProposalsDeps } from '../deps.js';
import { categoryStore } from '../store/category.store.js';
import { categoryTaken } from './add-category.js';

/**
 * Renames, reorders, retires or restores a category. Proposals keep the name they were registered
 * with: a rename or a retirement changes what registration offers, not the proposals of past years.
 */
export async function updateProposalCategory(
  deps: ProposalsDeps,
  actor: Actor,
  id: string,
  input: { name?: string; sortOrder?: number; active?: boolean },
  requestId?: string,
): Promise<void> {
  const now = deps.clock.now();
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const row = await categoryStore.findById(trx, id);
      if (!row || row.district_code !== actor.districtCode) throw new NotFound('proposal_category', id);
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: now.toISOString(),
      };
      await categoryStore.update(trx, id, patch);
      await recordAudit(trx, {
        actor,
        action: 'proposal_category.update',
        entityType: 'proposal_category',
        entityId: id,
        at: now,
        requestId,
        summary: `修改提案类别「${row.name}」${input.name && input.name !== row.name ? `为「${input.name}」` : ''}${
          input.active === false ? '（停用）' : input.active === true ? '（启用）' : ''
        }`,
        before: { name: row.name, sortOrder: row.sort_order, active: row.active === 1 },
        after: input,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw categoryTaken();
    throw err;
  }
}
