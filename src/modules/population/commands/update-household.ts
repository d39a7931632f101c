import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { HouseholdPatch } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { residentStore } from '../store/resident.store.js';
import { checkBuilding, householdInScope, householdView } from './household-access.js';
import { resolvePlace } from './place-context.js';

/**
 * Corrects a household's door, building, note or place. A household placed on another grid takes its
 * residents along (their scope follows the door they live behind).
 */
export async function updateHousehold(deps: PopulationDeps, actor: Actor, id: string, body: HouseholdPatch) {
  authorize(actor, 'resident.write');
  const now = deps.clock.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const h = await householdInScope(trx, actor, id);
    const moves = body.gridId !== undefined || body.location !== undefined;
    const place = moves ? await resolvePlace(deps, trx, actor, body) : null;
    const gridId = place?.gridId ?? h.grid_id;
    const buildingId = body.buildingId === undefined ? h.building_id : body.buildingId;
    if (buildingId && (body.buildingId !== undefined || place)) await checkBuilding(trx, actor, buildingId, gridId);
    await placeStore.updateHousehold(trx, id, {
      ...(body.address !== undefined ? { address: body.address } : {}),
      ...(body.note !== undefined ? { note: body.note ?? null } : {}),
      building_id: buildingId,
      ...(place
        ? { grid_id: place.gridId, grid_path: place.gridPath, lng: place.lng ?? h.lng, lat: place.lat ?? h.lat }
        : {}),
      updated_at: now,
    });
    if (place && place.gridId !== h.grid_id) {
      for (const r of await residentStore.householdMembers(trx, [id]))
        await residentStore.update(trx, r.id, { grid_id: place.gridId, grid_path: place.gridPath, updated_at: now });
    }
    return householdView(deps, trx, id);
  });
}
