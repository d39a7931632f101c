import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { FarmlandDeps } from '../deps.js';

/** Parcels belong to a village (行政村) or, in the suburbs, a community (社区). */
export const VILLAGE_KINDS = new Set(['village', 'community']);

/** A village or community in the actor's district and scope; outside the scope it does not exist (404). */
export async function loadVillageInScope(deps: FarmlandDeps, ex: Executor, actor: Actor, id: string): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, id);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path)) throw new NotFound('unit', id);
  if (!VILLAGE_KINDS.has(unit.kind) || unit.status !== 'active')
    throw new Invalid('farmland.not_a_village', 'parcels are imported for an active village or community', [
      { field: 'id', code: 'farmland.not_a_village', message: 'not an active village or community' },
    ]);
  return unit;
}

/** The unit a list is asked for (default: the actor's own scope), in the actor's district and scope. */
export async function scopeUnit(
  deps: FarmlandDeps,
  ex: Executor,
  actor: Actor,
  unitId: string | undefined,
): Promise<{ path: string }> {
  if (!unitId) return { path: actor.scopePath };
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new NotFound('unit', unitId);
  return { path: unit.path };
}
