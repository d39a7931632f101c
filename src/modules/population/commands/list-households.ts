import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { HouseholdListQuery } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { householdInScope, householdView } from './household-access.js';
import { decodeCursor, encodeCursor, gridRefs, scopeOf } from './place-context.js';

/** A page of the households of a unit's subtree (default: the actor's scope), in address order. */
export async function listHouseholds(deps: PopulationDeps, actor: Actor, query: HouseholdListQuery) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const scope = await scopeOf(deps, db, actor, query.unitId);
  const limit = query.limit ?? 50;
  const page = await placeStore.page(db, deps.database.dialect, {
    districtCode: actor.districtCode,
    path: scope.path,
    buildingId: query.buildingId,
    q: query.q,
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const rows = page.slice(0, limit);
  const listed = await placeStore.listed(
    db,
    rows.map((r) => r.id),
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => listed.get(r.id)!),
    grids: await gridRefs(
      deps,
      db,
      rows.map((r) => r.grid_path),
    ),
    nextCursor: page.length > limit && last ? encodeCursor(last.address, last.id) : null,
  };
}

export async function getHousehold(deps: PopulationDeps, actor: Actor, id: string) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  await householdInScope(db, actor, id);
  return householdView(deps, db, id);
}
