import type { Executor } from '../../../kernel/db/db.js';
import { DEFAULT_CHECK_ITEMS, DEFAULT_VENUE_TYPES } from '../data/venue-defaults.data.js';
import { venueSettingsStore } from '../store/venue-settings.store.js';

/**
 * Gives the district the default venue types and checklist items it lacks, at every start. A default
 * the admin renamed or retired keeps its row (matched by code), so it is never brought back.
 */
export async function ensureVenueSettings(ex: Executor, districtCode: string): Promise<number> {
  const rows = (list: readonly { code: string; name: string }[]) =>
    list.map((d, i) => ({ district_code: districtCode, code: d.code, name: d.name, seq: (i + 1) * 10, active: 1 }));
  return (
    (await venueSettingsStore.addMissing(ex, 'venue_types', rows(DEFAULT_VENUE_TYPES))) +
    (await venueSettingsStore.addMissing(ex, 'venue_check_items', rows(DEFAULT_CHECK_ITEMS)))
  );
}
