import type { Actor } from '../../../kernel/auth/actor.js';
import type { ProposalsDeps } from '../deps.js';
import { categoryStore } from '../store/category.store.js';

/** The district's proposal categories in their order; `active` only those offered at registration. */
export async function listProposalCategories(deps: ProposalsDeps, actor: Actor, active?: boolean) {
  const rows = await categoryStore.list(deps.database.db, actor.districtCode, active === true);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order, active: r.active === 1 })),
  };
}
