import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { newId } from '../../../kernel/ids.js';
import type { BuildingBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { gridRefs, resolvePlace } from './place-context.js';

/** Registers a building (楼栋) on the grid its point lies in, or on the chosen grid. */
export async function createBuilding(deps: PopulationDeps, actor: Actor, body: BuildingBody) {
  authorize(actor, 'resident.write');
  const now = deps.clock.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const place = await resolvePlace(deps, trx, actor, body);
    const row = {
      id: newId(Date.parse(now)),
      district_code: actor.districtCode,
      grid_id: place.gridId,
      grid_path: place.gridPath,
      name: body.name,
      address: body.address ?? null,
      lng: place.lng,
      lat: place.lat,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    await placeStore.insertBuilding(trx, row);
    return { row: { ...row, households: 0 }, grids: await gridRefs(deps, trx, [row.grid_path]) };
  });
}
