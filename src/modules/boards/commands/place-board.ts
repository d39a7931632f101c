import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { Crs } from '../../../kernel/geo/crs.js';
import type { UnitRef } from '../../org/index.js';
import { PLACE_KINDS } from '../domain/board-rules.js';
import type { BoardsDeps } from '../deps.js';

export interface BoardPlace {
  unit: UnitRef;
  point: { lng: number; lat: number } | null;
  address: string | null;
}

const refuse = (field: string, code: string, message: string) =>
  new Invalid('board.place_invalid', message, [{ field, code, message }]);

/**
 * Where a board stands: a point is located to its small grid (which must lie in the unit chosen, if
 * one is); without a point, a territorial unit and an address text. Either way the unit must be
 * active, of the actor's district and in the actor's scope. Locating reads the in-memory index, so
 * this runs before the write's transaction.
 */
export async function placeBoard(
  deps: BoardsDeps,
  actor: Actor,
  input: { unitId?: string | null; location?: { lng: number; lat: number; crs?: Crs } | null; address?: string | null },
): Promise<BoardPlace> {
  const db = deps.database.db;
  const chosen = input.unitId ? await deps.org.unit(db, input.unitId) : null;
  if (input.unitId) {
    if (
      !chosen ||
      chosen.districtCode !== actor.districtCode ||
      chosen.status !== 'active' ||
      !PLACE_KINDS.has(chosen.kind)
    )
      throw refuse('unitId', 'board.unit_unusable', 'not an active territorial unit');
    if (!inScope(actor, chosen.path)) throw refuse('unitId', 'board.unit_out_of_scope', 'outside your data scope');
  }
  const address = input.address ?? null;
  if (input.location) {
    const located = await deps.org.locate(db, input.location.lng, input.location.lat, input.location.crs ?? 'wgs84');
    if (!located.grid) throw refuse('location', 'board.point_outside_grids', 'the point lies in no grid');
    if (chosen && !located.grid.path.startsWith(chosen.path))
      throw refuse('location', 'board.point_not_in_unit', 'the point lies outside the unit chosen');
    if (located.grid.districtCode !== actor.districtCode || !inScope(actor, located.grid.path))
      throw refuse('location', 'board.point_out_of_scope', 'the point lies outside your data scope');
    return { unit: located.grid, point: { lng: located.lng, lat: located.lat }, address };
  }
  if (!chosen) throw refuse('unitId', 'board.place_required', 'a point or a unit is required');
  if (!address) throw refuse('address', 'board.address_required', 'an address is required without a point');
  return { unit: chosen, point: null, address };
}
