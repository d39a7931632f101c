import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { GridRef, PointBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';

export interface Place {
  gridId: string;
  gridPath: string;
  lng: number | null;
  lat: number | null;
}

const COMMUNITY_KINDS = new Set(['community', 'village']);

/**
 * Where a building, household or person lies: the smallest grid containing the point, or the grid
 * chosen by hand; with both, the grid must contain the point. The grid must be an active small grid
 * in the actor's scope. Call it outside a transaction when a point is given (the locate index may load
 * from the database on its first use). `field` prefixes the problem's field (e.g. 'households[3].').
 */
export async function resolvePlace(
  deps: PopulationDeps,
  ex: Executor,
  actor: Actor,
  input: { gridId?: string; location?: PointBody | null },
  field = '',
): Promise<Place> {
  let lng: number | null = null;
  let lat: number | null = null;
  let located: string | null = null;
  if (input.location) {
    const p = await deps.org.locate(ex, input.location.lng, input.location.lat, input.location.crs);
    lng = p.lng;
    lat = p.lat;
    located = p.grid?.id ?? null;
    if (!located && !input.gridId)
      throw new Invalid('place.outside_grids', 'the point lies in no grid', [
        { field: `${field}location`, code: 'place.outside_grids', message: 'the point lies in no grid' },
      ]);
  }
  const gridId = input.gridId ?? located;
  if (!gridId)
    throw new Invalid('place.required', 'a grid or a point is required', [
      { field: `${field}gridId`, code: 'place.required', message: 'choose a grid or give a point' },
    ]);
  const grid = await deps.org.unit(ex, gridId);
  if (!grid || grid.status !== 'active' || grid.kind !== 'grid_small' || !inScope(actor, grid.path)) {
    const f = input.gridId ? `${field}gridId` : `${field}location`;
    throw new Invalid('place.grid_unusable', 'not an active small grid in scope', [
      { field: f, code: 'place.grid_unusable', message: 'not an active small grid in your scope' },
    ]);
  }
  if (input.gridId && located && located !== input.gridId)
    throw new Invalid('place.point_outside_grid', 'the point lies in another grid', [
      { field: `${field}location`, code: 'place.point_outside_grid', message: 'the point lies in another grid' },
    ]);
  return { gridId: grid.id, gridPath: grid.path, lng, lat };
}

/** A grid as replies show it: its name and its community's, for each distinct grid path. */
export async function gridRefs(
  deps: PopulationDeps,
  ex: Executor,
  paths: readonly string[],
): Promise<Map<string, GridRef>> {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  const units = await deps.org.unitsByIds(ex, ids);
  const out = new Map<string, GridRef>();
  for (const p of new Set(paths)) {
    const segs = p.split('/').filter(Boolean);
    const grid = units.get(segs[segs.length - 1]!);
    const community = segs.map((id) => units.get(id)).find((u) => u && COMMUNITY_KINDS.has(u.kind));
    out.set(p, { id: segs[segs.length - 1]!, name: grid?.name ?? '', communityName: community?.name ?? null });
  }
  return out;
}

/** The unit whose subtree a list covers: the given one (in scope) or the actor's own scope. */
export async function scopeOf(
  deps: PopulationDeps,
  ex: Executor,
  actor: Actor,
  unitId: string | undefined,
): Promise<{ path: string; unitId: string }> {
  if (!unitId) return { path: actor.scopePath, unitId: actor.unitId };
  const u = await deps.org.unit(ex, unitId);
  if (!u || !inScope(actor, u.path)) throw new NotFound('unit', unitId);
  return { path: u.path, unitId: u.id };
}

// The lists' keyset cursors are the kernel's.
export { decodeCursor, encodeCursor } from '../../../kernel/http/cursor.js';
