import { claimUploads, uploadedFileIds } from '../../files/index.js';
import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, can } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { claimIdempotencyKey } from '../../../kernel/db/idempotency-keys.js';
import type { VenueInspectionTable, VenueTable } from '../../../kernel/db/schema.js';
import { Forbidden, Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { CHECK_RESULT_NAMES, VENUE_CASE_CATEGORY, type InspectionBody } from '../../../contracts/venues.js';
import { reportCaseInTransaction } from '../../cases/index.js';
import type { VenuesDeps } from '../deps.js';
import { applyVenueAction } from '../domain/closure-rules.js';
import { recordFindings, type RecordedItem } from '../domain/inspection-rules.js';
import { venueStore } from '../store/venue.store.js';
import { loadVisibleVenue } from './venue-access.js';
import { settingList } from './venue-settings.js';

/** The operation an Idempotency-Key of an inspection is recorded under (the kernel's key table). */
export const INSPECT_OPERATION = 'venue.inspect';

export interface InspectOptions {
  requestId?: string;
  /** The request's Idempotency-Key and the hash of the venue id and body (see kernel/http/idempotency.ts). */
  idempotency?: { key: string; requestHash: string };
}

export interface Inspected {
  row: VenueInspectionTable;
  photoIds: string[];
  /** An earlier request with the same key recorded it; this one wrote nothing. */
  replayed: boolean;
}

/**
 * Claims the key in the inspection's transaction (both land or neither). Returns the earlier
 * inspection when the account already sent this key with the same venue and body; the same key with
 * another body is refused. On PostgreSQL a second request waits at the claim for the first to end.
 */
async function claimKey(
  trx: Executor,
  actor: Actor,
  idem: NonNullable<InspectOptions['idempotency']>,
  inspectionId: string,
  now: Date,
): Promise<Inspected | null> {
  const priorId = await claimIdempotencyKey(trx, actor, INSPECT_OPERATION, idem, inspectionId, now);
  if (!priorId) return null;
  const row = await venueStore.findInspection(trx, priorId);
  if (!row) throw new NotFound('venue_inspection', priorId);
  return { row, photoIds: (await venueStore.photosOf(trx, [row.id])).get(row.id) ?? [], replayed: true };
}

/** The case a failed inspection raises: what failed, where, by whom. */
function caseDescription(venue: VenueTable, items: RecordedItem[], note: string | null): string {
  const failed = items.filter((i) => i.result === 'fail').map((i) => i.name);
  return (
    `场所检查不合格：${venue.name}（${venue.address}），${failed.join('、')}${CHECK_RESULT_NAMES.fail}` +
    (note ? `。${note}` : '')
  ).slice(0, 1000);
}

/**
 * Records an inspection of a venue in scope: every active checklist item once, the result derived
 * (any 不合格 item → 不合格), photos already uploaded. A failed inspection may raise a ledger case in
 * the same transaction (cases' public API); the inspection keeps the case's id and number.
 */
export async function inspectVenue(
  deps: VenuesDeps,
  actor: Actor,
  venueId: string,
  body: z.output<typeof InspectionBody>,
  opts: InspectOptions = {},
): Promise<Inspected> {
  authorize(actor, 'venue.inspect');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const venue = await loadVisibleVenue(trx, actor, venueId);
    const id = newId(now.getTime());
    if (opts.idempotency) {
      const prior = await claimKey(trx, actor, opts.idempotency, id, now);
      if (prior) return prior;
    }
    const { items, result } = recordFindings(await settingList(trx, 'checkItems', actor.districtCode), body.items);
    const photoIds = [...new Set(body.photoIds ?? [])];
    const stored = await uploadedFileIds(trx, actor.districtCode, photoIds);
    const missing: FieldProblem[] = photoIds.flatMap((f, i) =>
      stored.has(f) ? [] : [{ field: `photoIds[${i}]`, code: 'file.not_uploaded', message: `no file ${f}` }],
    );
    if (missing.length) throw new Invalid('venue.photo_missing', missing[0].message, missing);
    await claimUploads(trx, actor, now, [['photoIds', photoIds]]);
    if (body.raiseCase && result !== 'fail')
      throw new Invalid('venue.case_needs_failure', 'only a failed inspection raises a case', [
        { field: 'raiseCase', code: 'venue.case_needs_failure', message: 'the inspection passed' },
      ]);
    if (body.raiseCase && !can(actor, 'case.report'))
      throw new Forbidden('venue.case_report_denied', 'your roles do not grant case.report');
    // Inspecting leaves the status as it is; the table says so and refuses nothing here.
    applyVenueAction(venue.status === 'closed' ? 'closed' : 'open', 'inspect');
    let raised: { id: string; caseNumber: string } | null = null;
    if (body.raiseCase) {
      const grid = await deps.org.unit(trx, venue.grid_id);
      const point = venue.lng !== null && venue.lat !== null ? { lng: venue.lng, lat: venue.lat } : null;
      raised = await reportCaseInTransaction(
        deps,
        trx,
        actor,
        {
          categoryCode: body.caseCategoryCode ?? VENUE_CASE_CATEGORY,
          description: caseDescription(venue, items, body.note ?? null),
          address: `${venue.address}（${venue.name}）`,
          location: point,
          photoIds,
          source: 'patrol',
          located: grid
            ? { lng: point?.lng ?? 0, lat: point?.lat ?? 0, grid, ancestors: await deps.org.ancestors(trx, grid.path) }
            : null,
        },
        { requestId: opts.requestId, comment: `由场所检查发起（${venue.name}，检查不合格）` },
      );
    }
    const row: VenueInspectionTable = {
      id,
      venue_id: venue.id,
      district_code: venue.district_code,
      inspected_at: now.toISOString(),
      inspector_id: actor.accountId,
      inspector_name: actor.displayName,
      result,
      items: JSON.stringify(items),
      note: body.note ?? null,
      case_id: raised?.id ?? null,
      case_number: raised?.caseNumber ?? null,
    };
    await venueStore.insertInspection(
      trx,
      row,
      photoIds.map((file_id, seq) => ({ inspection_id: id, file_id, seq })),
    );
    await venueStore.update(trx, venue.id, { updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      action: 'venue.inspect',
      entityType: 'venue',
      entityId: venue.id,
      at: now,
      requestId: opts.requestId,
      summary: `检查场所「${venue.name}」：${result === 'fail' ? '不合格' : '合格'}${raised ? `，上报问题 ${raised.caseNumber}` : ''}`,
    });
    return { row, photoIds, replayed: false };
  });
}
