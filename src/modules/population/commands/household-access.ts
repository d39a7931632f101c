import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore, type HouseholdRow } from '../store/place.store.js';
import { gridRefs } from './place-context.js';

/** An active household in the actor's scope, or 404 (a household outside it does not exist for them). */
export async function householdInScope(ex: Executor, actor: Actor, id: string): Promise<HouseholdRow> {
  const h = await placeStore.household(ex, id);
  if (!h || h.district_code !== actor.districtCode || !inScope(actor, h.grid_path)) throw new NotFound('household', id);
  return h;
}

/** A building the actor may place a household in: in scope, and on the household's grid. */
export async function checkBuilding(
  ex: Executor,
  actor: Actor,
  buildingId: string,
  gridId: string,
  field = 'buildingId',
): Promise<void> {
  const b = await placeStore.building(ex, buildingId);
  if (!b || b.district_code !== actor.districtCode || !inScope(actor, b.grid_path))
    throw new Invalid('household.building_unknown', 'no such building', [
      { field, code: 'household.building_unknown', message: 'no such building in your scope' },
    ]);
  if (b.grid_id !== gridId)
    throw new Invalid('household.building_other_grid', 'the building lies in another grid', [
      { field, code: 'household.building_other_grid', message: 'the building lies in another grid' },
    ]);
}

/** One household as lists show it (with building, head and members). */
export async function householdView(deps: PopulationDeps, ex: Executor, id: string) {
  const listed = (await placeStore.listed(ex, [id])).get(id)!;
  return { row: listed, grids: await gridRefs(deps, ex, [listed.grid_path]) };
}
