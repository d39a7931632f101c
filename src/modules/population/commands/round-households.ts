import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { HouseholdRelation, RoundHouseholdQuery, VisitResult } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { residentStore } from '../store/resident.store.js';
import { roundStore } from '../store/round.store.js';
import { decodeCursor, encodeCursor, gridRefs } from './place-context.js';
import { roundInScope } from './round-access.js';

/**
 * The phone's 敲门 list: a grid's households in door order with their members and their state in the
 * round. Without a grid, the grid worker's own grid. With `limit`, a page of doors and the cursor of
 * the next (the phone keeps the whole list for offline use and asks without a limit).
 */
export async function roundHouseholds(deps: PopulationDeps, actor: Actor, roundId: string, query: RoundHouseholdQuery) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const after = decodeCursor(query.cursor);
  // Reads that do not wait on one another go together (on PostgreSQL, over the pool's connections).
  const [round, grid] = await Promise.all([
    roundInScope(db, actor, roundId),
    deps.org.unit(db, query.gridId ?? actor.unitId),
  ]);
  if (!grid || grid.kind !== 'grid_small' || !inScope(actor, grid.path) || !grid.path.startsWith(round.scope_path))
    throw new Invalid('round.grid_unusable', 'not a grid of the round in scope', [
      { field: 'gridId', code: 'round.grid_unusable', message: 'choose a grid of the round in your scope' },
    ]);
  const page = await placeStore.ofGrid(db, grid.id, {
    after,
    limit: query.limit ? query.limit + 1 : undefined,
    unvisitedIn: query.gaps ? round.id : undefined,
  });
  const shown = query.limit ? page.slice(0, query.limit) : page;
  const last = shown[shown.length - 1];
  const paged = !!query.limit || !!after;
  const [states, members, buildings, refs] = await Promise.all([
    roundStore.statesOfGrid(db, round.id, grid.id, paged ? shown.map((h) => h.id) : undefined),
    residentStore.doorMembers(db, { gridId: grid.id, householdIds: paged ? shown.map((h) => h.id) : undefined }),
    placeStore.buildingNames(db, [...new Set(shown.flatMap((h) => (h.building_id ? [h.building_id] : [])))]),
    gridRefs(deps, db, [grid.path]),
  ]);
  const stateOf = new Map(states.map((s) => [s.household_id, s]));
  const byHousehold = new Map<string, typeof members>();
  for (const m of members) {
    const list = byHousehold.get(m.household_id);
    if (list) list.push(m);
    else byHousehold.set(m.household_id, [m]);
  }
  return {
    grid: refs.get(grid.path)!,
    items: shown.map((h) => {
      const ms = byHousehold.get(h.id) ?? [];
      const s = stateOf.get(h.id);
      return {
        id: h.id,
        address: h.address,
        buildingName: h.building_id ? (buildings.get(h.building_id) ?? null) : null,
        headName: ms.find((m) => m.relation === 'head')?.name ?? null,
        members: ms.map((m) => ({ id: m.id, name: m.name, relation: m.relation as HouseholdRelation | null })),
        lastResult: (s?.last_result ?? null) as VisitResult | null,
        lastVisitedAt: s?.last_visited_at ?? null,
        visits: s?.visits ?? 0,
      };
    }),
    nextCursor: query.limit && page.length > query.limit && last ? encodeCursor(last.address, last.id) : null,
  };
}
