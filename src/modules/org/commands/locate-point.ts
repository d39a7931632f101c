import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { toWgs84 } from '../../../kernel/geo/crs.js';
import type { Crs } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';

/**
 * Assigns a point to its smallest grid. A point in no grid is an answer (found: false), not an error:
 * callers keep such points and flag them.
 */
export async function locatePoint(deps: OrgDeps, actor: Actor, input: { lng: number; lat: number; crs?: Crs }) {
  const [lng, lat] = toWgs84(input.lng, input.lat, input.crs ?? 'wgs84');
  const point = { lng, lat };
  const gridId = await deps.locator.locate(lng, lat);
  const grid = gridId ? await unitStore.findById(deps.database.db, gridId) : undefined;
  if (!grid) return { point, found: false, inScope: false, grid: null, ancestors: [] as UnitRow[] };
  const ancestors = await unitStore.ancestors(deps.database.db, grid.path);
  return {
    point,
    found: true,
    inScope: inScope(actor, grid.path),
    grid,
    ancestors,
  };
}
