import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { ResidentListQuery } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { residentStore } from '../store/resident.store.js';
import { householdInScope } from './household-access.js';
import { decodeCursor, encodeCursor, scopeOf } from './place-context.js';
import { residentViews } from './resident-access.js';

/** A page of residents of a unit's subtree or of one household, by name; ID numbers and phones masked. */
export async function listResidents(deps: PopulationDeps, actor: Actor, query: ResidentListQuery) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const scope = await scopeOf(deps, db, actor, query.unitId);
  if (query.householdId) await householdInScope(db, actor, query.householdId);
  const limit = query.limit ?? 50;
  const page = await residentStore.page(db, deps.database.dialect, {
    districtCode: actor.districtCode,
    path: scope.path,
    householdId: query.householdId,
    q: query.q,
    tag: query.tag,
    residenceKind: query.residenceKind,
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const rows = page.slice(0, limit);
  const last = rows[rows.length - 1];
  return {
    views: await residentViews(deps, db, rows),
    nextCursor: page.length > limit && last ? encodeCursor(last.name, last.id) : null,
  };
}
