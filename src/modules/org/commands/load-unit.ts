import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';

/** Loads a unit the actor may see; a unit outside the scope is answered as not found, so its existence does not leak. */
export async function loadUnitInScope(ex: Executor, actor: Actor, id: string): Promise<UnitRow> {
  const unit = await unitStore.findById(ex, id);
  if (!unit || !inScope(actor, unit.path)) throw new NotFound('unit', id);
  return unit;
}
