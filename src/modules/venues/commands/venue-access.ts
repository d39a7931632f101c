import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { VenueTable } from '../../../kernel/db/schema.js';
import { NotFound } from '../../../kernel/errors.js';
import { venueStore } from '../store/venue.store.js';

/** A venue the actor may see: in the actor's district and data scope; otherwise it does not exist (404). */
export async function loadVisibleVenue(ex: Executor, actor: Actor, id: string): Promise<VenueTable> {
  const v = await venueStore.findById(ex, id);
  if (!v || v.district_code !== actor.districtCode || !inScope(actor, v.grid_path)) throw new NotFound('venue', id);
  return v;
}

/** Files module hook: a photo of an inspection is visible to whoever may see the venue (and read venues). */
export async function canActorSeeVenueFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('venue.read')) return false;
  for (const venueId of await venueStore.venueIdsOfFile(ex, fileId)) {
    const v = await venueStore.findById(ex, venueId);
    if (v && v.district_code === actor.districtCode && inScope(actor, v.grid_path)) return true;
  }
  return false;
}
