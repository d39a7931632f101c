import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { roundStore } from '../store/round.store.js';
import { gridRefs } from './place-context.js';
import { roundInScope, sharedPath } from './round-access.js';

/** A round's visits in the actor's part of it, newest first (one household's, or one grid's). */
export async function listVisits(
  deps: PopulationDeps,
  actor: Actor,
  roundId: string,
  query: { householdId?: string; gridId?: string },
) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const round = await roundInScope(db, actor, roundId);
  const rows = await roundStore.visits(db, round.id, { ...query, path: sharedPath(actor, round) });
  const doors = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.household_id)))
    doors.set(id, (await placeStore.household(db, id))?.address ?? '');
  const grids = await gridRefs(
    deps,
    db,
    rows.map((r) => r.grid_path),
  );
  return rows.map((r) => ({ row: r, address: doors.get(r.household_id) ?? '', grid: grids.get(r.grid_path)! }));
}
