import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { VenueBody, VenueUpdateBody } from '../../../contracts/venues.js';
import type { VenuesDeps } from '../deps.js';
import { maskPhone } from '../domain/inspection-rules.js';
import { venueStore } from '../store/venue.store.js';
import { placeVenue } from './place-venue.js';
import { loadVisibleVenue } from './venue-access.js';
import { assertActiveType } from './venue-settings.js';

type Body = z.output<typeof VenueBody>;

/** Registers a venue on a small grid in the actor's scope; it starts 营业. Returns its id. */
export async function createVenue(deps: VenuesDeps, actor: Actor, body: Body, requestId?: string): Promise<string> {
  authorize(actor, 'venue.write');
  const place = await placeVenue(deps, actor, body);
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await assertActiveType(trx, actor.districtCode, body.typeCode);
    const id = newId(now.getTime());
    await venueStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      name: body.name,
      type_code: body.typeCode,
      address: body.address,
      owner_name: body.ownerName,
      owner_phone: body.ownerPhone,
      lng: place.point?.lng ?? null,
      lat: place.point?.lat ?? null,
      grid_id: place.grid.id,
      grid_path: place.grid.path,
      status: 'open',
      created_by: actor.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'venue.create',
      entityType: 'venue',
      entityId: id,
      at: now,
      requestId,
      summary: `登记场所「${body.name}」（${place.grid.name}）`,
    });
    return id;
  });
}

/**
 * Edits a venue in scope: its details and place (the new grid must be in scope too). A type retired
 * since it was registered may stay; a change must be to an active type; a phone left out is kept.
 * Status changes only by orders.
 */
export async function updateVenue(
  deps: VenuesDeps,
  actor: Actor,
  id: string,
  body: z.output<typeof VenueUpdateBody>,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'venue.write');
  // Scope first, so a venue outside it is 404 whatever the body says.
  await loadVisibleVenue(deps.database.db, actor, id);
  const place = await placeVenue(deps, actor, body);
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await loadVisibleVenue(trx, actor, id);
    if (body.typeCode !== before.type_code) await assertActiveType(trx, actor.districtCode, body.typeCode);
    const after = {
      name: body.name,
      type_code: body.typeCode,
      address: body.address,
      owner_name: body.ownerName,
      owner_phone: body.ownerPhone ?? before.owner_phone,
      lng: place.point?.lng ?? null,
      lat: place.point?.lat ?? null,
      grid_id: place.grid.id,
      grid_path: place.grid.path,
    };
    await venueStore.update(trx, id, { ...after, updated_at: now.toISOString() });
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    await recordAudit(trx, {
      actor,
      action: 'venue.update',
      entityType: 'venue',
      entityId: id,
      at: now,
      requestId,
      summary: `修改场所「${body.name}」`,
      // The log keeps phones masked, like every reader but a revealing one sees them.
      before: Object.fromEntries(
        changed.map((k) => [k, k === 'owner_phone' ? maskPhone(before.owner_phone) : before[k]]),
      ),
      after: Object.fromEntries(changed.map((k) => [k, k === 'owner_phone' ? maskPhone(after.owner_phone) : after[k]])),
    });
  });
}
