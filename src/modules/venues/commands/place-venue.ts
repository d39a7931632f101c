import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { Crs } from '../../../kernel/geo/crs.js';
import type { UnitRef } from '../../org/index.js';
import type { VenuesDeps } from '../deps.js';

export interface Placement {
  grid: UnitRef;
  /** WGS-84; null when the grid was chosen. */
  point: { lng: number; lat: number } | null;
}

/**
 * Where a venue lies: its point located into the smallest grid, or the small grid chosen. Either way
 * the grid must be active, of the actor's district and inside the actor's scope. Locating reads the
 * in-memory index, so this runs before the write's transaction (on SQLite it holds the one connection).
 */
export async function placeVenue(
  deps: VenuesDeps,
  actor: Actor,
  input: { location?: { lng: number; lat: number; crs?: Crs } | null; gridId?: string | null },
): Promise<Placement> {
  const db = deps.database.db;
  let grid: UnitRef | null;
  let point: Placement['point'] = null;
  let field: 'location' | 'gridId';
  if (input.location) {
    field = 'location';
    const located = await deps.org.locate(db, input.location.lng, input.location.lat, input.location.crs ?? 'wgs84');
    if (!located.grid)
      throw new Invalid('venue.place_invalid', 'the point lies in no grid', [
        { field: 'location', code: 'venue.point_outside_grids', message: 'the point lies in no grid' },
      ]);
    grid = located.grid;
    point = { lng: located.lng, lat: located.lat };
    if (input.gridId && input.gridId !== grid.id)
      throw new Invalid('venue.place_invalid', 'the point lies in another grid than the one chosen', [
        { field: 'gridId', code: 'venue.point_not_in_grid', message: 'the point lies in another grid' },
      ]);
  } else if (input.gridId) {
    field = 'gridId';
    grid = await deps.org.unit(db, input.gridId);
    if (!grid || grid.kind !== 'grid_small' || grid.status !== 'active' || grid.districtCode !== actor.districtCode)
      throw new Invalid('venue.place_invalid', 'not an active small grid', [
        { field: 'gridId', code: 'venue.grid_not_small', message: 'not an active small grid' },
      ]);
  } else {
    throw new Invalid('venue.place_invalid', 'a point or a grid is required', [
      { field: 'location', code: 'venue.place_required', message: 'give a point or choose a grid' },
    ]);
  }
  if (grid.districtCode !== actor.districtCode || !inScope(actor, grid.path))
    throw new Invalid('venue.place_invalid', 'the grid lies outside your data scope', [
      { field, code: 'venue.grid_out_of_scope', message: 'the grid lies outside your data scope' },
    ]);
  return { grid, point };
}
