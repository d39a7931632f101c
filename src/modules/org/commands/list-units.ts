import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

export interface ListUnitsInput {
  parentId?: string;
  kind?: string;
  q?: string;
  includeRetired?: boolean;
  limit?: number;
}

/** With no filter, the actor's scope root: the console lazy-loads the tree from there by parentId. */
export async function listUnits(deps: OrgDeps, actor: Actor, input: ListUnitsInput) {
  const db = deps.database.db;
  if (!input.parentId && !input.kind && !input.q) {
    const root = await unitStore.findById(db, actor.unitId);
    return { items: root ? [root] : [] };
  }
  if (input.parentId) await loadUnitInScope(db, actor, input.parentId);
  const rows = await unitStore.list(db, deps.database.dialect, { scopePath: actor.scopePath, ...input });
  return { items: rows };
}
