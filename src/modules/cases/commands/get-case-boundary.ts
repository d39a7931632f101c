import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { CasesDeps } from '../deps.js';
import { loadVisibleCase } from './case-context.js';

/**
 * The boundary of the grid a case lies in, for whoever may see the case: a handling unit outside the
 * grid's territorial scope (城管, 电信 …) reads its cases' grids through this, never the unit tree.
 * A case the actor may not see answers 404 like the case itself; so does a case in no grid.
 */
export async function getCaseBoundary(deps: CasesDeps, actor: Actor, caseId: string) {
  const db = deps.database.db;
  const { state } = await loadVisibleCase(db, actor, caseId);
  const b = state.gridId ? await deps.org.boundary(db, state.gridId) : null;
  if (!b) throw new NotFound('boundary', state.gridId ?? caseId);
  return b;
}
