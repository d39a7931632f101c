import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import type { VenueClosureTable } from '../../../kernel/db/schema.js';
import { Conflict } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { ClosureBody, LiftBody, VenueStatus } from '../../../contracts/venues.js';
import type { VenuesDeps } from '../deps.js';
import { applyVenueAction, closureUntil } from '../domain/closure-rules.js';
import { venueStore } from '../store/venue.store.js';
import { loadVisibleVenue } from './venue-access.js';

const status = (s: string): VenueStatus => (s === 'closed' ? 'closed' : 'open');

/**
 * Issues a closure order (停业整顿) on a venue in scope: reason, first day (default today, local) and
 * period; the venue becomes 停业整顿. One open order per venue (the table refuses a second, and so does
 * a unique index should two requests race).
 */
export async function issueClosure(
  deps: VenuesDeps,
  actor: Actor,
  venueId: string,
  body: z.output<typeof ClosureBody>,
  requestId?: string,
): Promise<VenueClosureTable> {
  authorize(actor, 'venue.write');
  const now = deps.clock.now();
  const startDate = body.startDate ?? localDateOf(now);
  const untilDate = closureUntil(startDate, body.days);
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const venue = await loadVisibleVenue(trx, actor, venueId);
      const next = applyVenueAction(status(venue.status), 'close');
      const row: VenueClosureTable = {
        id: newId(now.getTime()),
        venue_id: venue.id,
        district_code: venue.district_code,
        reason: body.reason,
        start_date: startDate,
        days: body.days,
        until_date: untilDate,
        issued_by: actor.accountId,
        issued_by_name: actor.displayName,
        issued_at: now.toISOString(),
        open: 1,
        lifted_by: null,
        lifted_by_name: null,
        lifted_at: null,
        lift_note: null,
        lift_inspection_id: null,
      };
      await venueStore.insertClosure(trx, row);
      await venueStore.update(trx, venue.id, { status: next, updated_at: now.toISOString() });
      await recordAudit(trx, {
        actor,
        action: 'venue.close',
        entityType: 'venue',
        entityId: venue.id,
        at: now,
        requestId,
        summary: `责令「${venue.name}」停业整顿 ${body.days} 天（${startDate} 至 ${untilDate}）：${body.reason}`,
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('venue.already_closed', 'the venue already has an open closure order');
    throw e;
  }
}

/**
 * Lifts (解除) the venue's open order: only when the latest inspection since the order was issued
 * passed. The order keeps who lifted it, when, and the re-check it rests on; the venue reopens.
 */
export async function liftClosure(
  deps: VenuesDeps,
  actor: Actor,
  venueId: string,
  body: z.output<typeof LiftBody>,
  requestId?: string,
): Promise<VenueClosureTable> {
  authorize(actor, 'venue.write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const venue = await loadVisibleVenue(trx, actor, venueId);
    const order = await venueStore.openClosure(trx, venue.id);
    const inspections = await venueStore.inspections(trx, venue.id);
    const facts = inspections.map(
      (i) => ({ at: i.inspected_at, result: i.result === 'pass' ? 'pass' : 'fail' }) as const,
    );
    const next = applyVenueAction(order ? 'closed' : 'open', 'lift', {
      openOrderIssuedAt: order?.issued_at ?? null,
      inspections: facts,
    });
    // The table let it through, so there is an order and a latest re-check since it, which passed.
    const recheck = inspections.filter((i) => i.inspected_at > order!.issued_at).at(-1)!;
    const lifted = await venueStore.liftClosure(trx, order!.id, {
      by: actor.accountId,
      byName: actor.displayName,
      at: now.toISOString(),
      note: body.note ?? null,
      inspectionId: recheck.id,
    });
    if (!lifted) throw new Conflict('venue.not_closed', 'the venue has no open closure order');
    await venueStore.update(trx, venue.id, { status: next, updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      action: 'venue.lift',
      entityType: 'venue',
      entityId: venue.id,
      at: now,
      requestId,
      summary: `解除「${venue.name}」停业整顿（复查合格）`,
    });
    return (await venueStore.findClosure(trx, order!.id))!;
  });
}
