import type { InspectionResult, VenueInspectionListQuery, VenueInspectionPage } from '../../../contracts/venues.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import { DomainError } from '../../../kernel/errors.js';
import type { VenuesDeps } from '../deps.js';
import { venueFigureStore } from '../store/venue-figures.store.js';
import { loadVenueNames } from './venue-names.js';

const LIMIT = 500;

/**
 * The inspections of the venues in an area over local days — counted by the dashboard's own query
 * (venueFigureStore.inspections, 场所检查合格率's), so the list's two counts are the rate's.
 */
export async function listVenueInspections(
  deps: VenuesDeps,
  actor: Actor,
  q: VenueInspectionListQuery,
): Promise<VenueInspectionPage> {
  const db = deps.database.db;
  let path = actor.scopePath;
  if (q.unitId) {
    const unit = await deps.org.unit(db, q.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'venue.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'venue.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    path = unit.path;
  }
  const offset = fixedOffsetMs(deps.config.timeZone);
  const from = fromLocal(parseDay(q.from), 0, offset).toISOString();
  const to = fromLocal(parseDay(q.to) + 1, 0, offset).toISOString();
  let total = 0;
  let passed = 0;
  for (const r of await venueFigureStore.inspections(db, actor.districtCode, path, from, to)) {
    if (q.result && r.result !== q.result) continue;
    total += r.n;
    if (r.result === 'pass') passed += r.n;
  }
  const rows = await venueFigureStore.inspectionList(db, {
    districtCode: actor.districtCode,
    path,
    from,
    to,
    result: q.result,
    limit: LIMIT,
  });
  const names = await loadVenueNames(deps, db, actor.districtCode, rows);
  return {
    total,
    passed,
    items: rows.map((r) => ({
      id: r.id,
      venue: { id: r.venue_id, name: r.venue_name, typeName: names.typeName(r.type_code) },
      grid: names.grid(r),
      community: names.community(r),
      at: r.inspected_at,
      result: r.result as InspectionResult,
      inspector: { id: r.inspector_id, name: r.inspector_name },
      case: r.case_id && r.case_number ? { id: r.case_id, number: r.case_number } : null,
    })),
  };
}
