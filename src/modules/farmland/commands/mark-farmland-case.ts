import type { EventListener } from '../../../kernel/events/events.js';
import { FARMLAND_CASE_CATEGORY } from '../domain/farmland-rules.js';
import type { FarmlandDeps } from '../deps.js';
import { farmlandStore } from '../store/farmland.store.js';
import { farmlandIndex } from './farmland-index.js';

/**
 * On 'case.reported', in the report's transaction: a case of 违法占用耕地 whose point lies inside a
 * parcel becomes a farmland case (its village, the parcel as found). A case with only an address, or
 * outside every parcel, stays an ordinary ledger case.
 */
export function farmlandCaseListener(deps: FarmlandDeps): EventListener<'case.reported'> {
  return async (trx, e) => {
    if (e.categoryCode !== FARMLAND_CASE_CATEGORY || !e.location) return;
    const hit = await farmlandIndex(deps.database, deps.clock).at(trx, e.location.lng, e.location.lat);
    if (!hit || hit.districtCode !== e.districtCode) return;
    await farmlandStore.insertCase(trx, {
      case_id: e.caseId,
      district_code: e.districtCode,
      case_number: e.caseNumber,
      village_id: hit.villageId,
      village_path: hit.villagePath,
      parcel_id: hit.parcelId,
      parcel_kind: hit.kind,
      parcel_code: hit.code,
      lng: e.location.lng,
      lat: e.location.lat,
      reported_at: e.reportedAt.toISOString(),
      occupied_m2: null,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
      approval_note: null,
    });
  };
}
