import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { BuildingListQuery } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { gridRefs, scopeOf } from './place-context.js';

/** The buildings of a unit's subtree (default: the actor's scope), by name. */
export async function listBuildings(deps: PopulationDeps, actor: Actor, query: BuildingListQuery) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const scope = await scopeOf(deps, db, actor, query.unitId);
  const rows = await placeStore.buildings(db, deps.database.dialect, {
    districtCode: actor.districtCode,
    path: scope.path,
    q: query.q,
  });
  return {
    rows,
    grids: await gridRefs(
      deps,
      db,
      rows.map((r) => r.grid_path),
    ),
  };
}
