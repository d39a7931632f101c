import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { VenueClosureTable, VenueInspectionTable, VenueTable } from '../../../kernel/db/schema.js';
import { Forbidden, Invalid } from '../../../kernel/errors.js';
import type { VenuesDeps } from '../deps.js';
import { venueStore } from '../store/venue.store.js';
import { loadVisibleVenue } from './venue-access.js';
import { loadVenueNames, type VenueNames } from './venue-names.js';
import { settingList } from './venue-settings.js';

/** Everything the venue page shows, loaded in one go for the presenter. */
export interface VenueView {
  row: VenueTable;
  names: VenueNames;
  inspections: VenueInspectionTable[];
  photos: Map<string, string[]>;
  closures: VenueClosureTable[];
  checklist: { code: string; name: string }[];
  /** The district's local date today: an order past its last day shows as overdue. */
  today: string;
  reveal: boolean;
  can: { edit: boolean; inspect: boolean; close: boolean; lift: boolean; reveal: boolean };
}

export async function loadVenueView(
  deps: VenuesDeps,
  ex: Executor,
  actor: Actor,
  row: VenueTable,
  reveal = false,
): Promise<VenueView> {
  const inspections = await venueStore.inspections(ex, row.id);
  const write = can(actor, 'venue.write');
  return {
    row,
    names: await loadVenueNames(deps, ex, actor.districtCode, [row]),
    inspections,
    photos: await venueStore.photosOf(
      ex,
      inspections.map((i) => i.id),
    ),
    closures: await venueStore.closures(ex, row.id),
    checklist: (await settingList(ex, 'checkItems', actor.districtCode))
      .filter((c) => c.active)
      .map(({ code, name }) => ({ code, name })),
    today: localDateOf(deps.clock.now()),
    reveal,
    can: {
      edit: write,
      inspect: can(actor, 'venue.inspect'),
      close: write && row.status === 'open',
      lift: write && row.status === 'closed',
      reveal: write,
    },
  };
}

/**
 * A venue in scope with its whole history. With `reveal`, the owner's full phone number, for those
 * who keep venues (venue.write), with a reason; the view is audited in the same transaction.
 */
export async function getVenue(
  deps: VenuesDeps,
  actor: Actor,
  id: string,
  opts: { reveal?: boolean; reason?: string; requestId?: string } = {},
): Promise<VenueView> {
  if (!opts.reveal) {
    const ex = deps.database.db;
    return loadVenueView(deps, ex, actor, await loadVisibleVenue(ex, actor, id));
  }
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await loadVisibleVenue(trx, actor, id);
    if (!can(actor, 'venue.write'))
      throw new Forbidden('venue.reveal_denied', 'the role may not see the owner’s full phone number');
    const reason = opts.reason?.trim();
    if (!reason)
      throw new Invalid('venue.reveal_reason_required', 'a reason is required to see the full phone number', [
        { field: 'reason', code: 'venue.reveal_reason_required', message: 'give a reason' },
      ]);
    await recordAudit(trx, {
      actor,
      action: 'venue.reveal',
      entityType: 'venue',
      entityId: id,
      at: now,
      requestId: opts.requestId,
      summary: `查看场所「${row.name}」负责人完整电话，事由：${reason}`,
    });
    return loadVenueView(deps, trx, actor, row, true);
  });
}
