import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { newId } from '../../../kernel/ids.js';
import type { HouseholdBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { checkBuilding, householdView } from './household-access.js';
import { resolvePlace } from './place-context.js';

/**
 * Registers a household (户) at its door (门牌): on the grid its point lies in or the chosen one; a
 * point in no grid without a chosen grid is refused, and nothing is written.
 */
export async function createHousehold(deps: PopulationDeps, actor: Actor, body: HouseholdBody) {
  authorize(actor, 'resident.write');
  const now = deps.clock.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const place = await resolvePlace(deps, trx, actor, body);
    if (body.buildingId) await checkBuilding(trx, actor, body.buildingId, place.gridId);
    const id = newId(Date.parse(now));
    await placeStore.insertHousehold(trx, {
      id,
      district_code: actor.districtCode,
      grid_id: place.gridId,
      grid_path: place.gridPath,
      building_id: body.buildingId ?? null,
      address: body.address,
      note: body.note ?? null,
      lng: place.lng,
      lat: place.lat,
      status: 'active',
      created_by: actor.accountId,
      created_at: now,
      updated_at: now,
    });
    return householdView(deps, trx, id);
  });
}
