import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { can, inScope } from '../../../kernel/auth/actor.js';
import { DomainError } from '../../../kernel/errors.js';
import type { VenueListQuery } from '../../../contracts/venues.js';
import type { VenuesDeps } from '../deps.js';
import { venueStore, type VenueListRow } from '../store/venue.store.js';
import { loadVenueNames, type VenueNames } from './venue-names.js';

export interface VenueList {
  rows: VenueListRow[];
  total: number;
  names: VenueNames;
  canWrite: boolean;
}

/** Venues in the actor's scope (or a unit's subtree inside it), filtered, by name, offset-paged. */
export async function listVenues(
  deps: VenuesDeps,
  actor: Actor,
  query: z.output<typeof VenueListQuery>,
): Promise<VenueList> {
  const ex = deps.database.db;
  let path = actor.scopePath;
  if (query.unitId) {
    const unit = await deps.org.unit(ex, query.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'venue.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'venue.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    path = unit.path;
  }
  const { rows, total } = await venueStore.list(
    ex,
    deps.database.dialect,
    { districtCode: actor.districtCode, path, typeCode: query.typeCode, status: query.status, q: query.q },
    { offset: query.offset ?? 0, limit: query.limit ?? 50 },
  );
  return {
    rows,
    total,
    names: await loadVenueNames(deps, ex, actor.districtCode, rows),
    canWrite: can(actor, 'venue.write'),
  };
}
