import type {
  Closure,
  Inspection,
  VenueDetail,
  VenueHistoryEntry,
  VenuePage,
  VenueSummary,
} from '../../../contracts/venues.js';
import { CheckResult, InspectionResult, VenueStatus } from '../../../contracts/venues.js';
import type { VenueClosureTable, VenueInspectionTable, VenueTable } from '../../../kernel/db/schema.js';
import type { VenueView } from '../commands/get-venue.js';
import type { VenueList } from '../commands/list-venues.js';
import type { VenueNames } from '../commands/venue-names.js';
import { closureOverdue, recheckPassed } from '../domain/closure-rules.js';
import { maskPhone } from '../domain/inspection-rules.js';

function presentSummary(
  v: VenueTable,
  names: VenueNames,
  last: { at: string; result: string } | null,
  reveal: boolean,
): VenueSummary {
  return {
    id: v.id,
    name: v.name,
    typeCode: v.type_code,
    typeName: names.typeName(v.type_code),
    address: v.address,
    ownerName: v.owner_name,
    ownerPhone: reveal ? v.owner_phone : maskPhone(v.owner_phone),
    phoneMasked: !reveal,
    grid: names.grid(v),
    community: names.community(v),
    location: v.lng !== null && v.lat !== null ? { lng: Number(v.lng), lat: Number(v.lat) } : null,
    status: VenueStatus.parse(v.status),
    lastInspection: last ? { at: last.at, result: InspectionResult.parse(last.result) } : null,
    updatedAt: v.updated_at,
  };
}

export function presentVenuePage(list: VenueList): VenuePage {
  return {
    items: list.rows.map((r) =>
      presentSummary(
        r,
        list.names,
        r.last_at && r.last_result ? { at: r.last_at, result: r.last_result } : null,
        false,
      ),
    ),
    total: list.total,
    canWrite: list.canWrite,
  };
}

export function presentInspection(row: VenueInspectionTable, photoIds: string[]): Inspection {
  const items = JSON.parse(row.items) as { code: string; name: string; result: string }[];
  return {
    id: row.id,
    venueId: row.venue_id,
    at: row.inspected_at,
    inspector: { id: row.inspector_id, name: row.inspector_name },
    result: InspectionResult.parse(row.result),
    items: items.map((i) => ({ code: i.code, name: i.name, result: CheckResult.parse(i.result) })),
    note: row.note,
    photoIds,
    case: row.case_id && row.case_number ? { id: row.case_id, number: row.case_number } : null,
  };
}

export function presentClosure(c: VenueClosureTable, today: string): Closure {
  const lifted = c.open === 0 && c.lifted_at !== null;
  return {
    id: c.id,
    venueId: c.venue_id,
    reason: c.reason,
    startDate: c.start_date,
    days: c.days,
    untilDate: c.until_date,
    issuedBy: { id: c.issued_by, name: c.issued_by_name },
    issuedAt: c.issued_at,
    lifted: lifted
      ? {
          by: { id: c.lifted_by ?? '', name: c.lifted_by_name ?? '' },
          at: c.lifted_at!,
          note: c.lift_note,
          inspectionId: c.lift_inspection_id ?? '',
        }
      : null,
    overdue: closureOverdue(c.until_date, today, lifted),
  };
}

export function presentVenue(view: VenueView): VenueDetail {
  const { row, inspections, closures, today } = view;
  const last = inspections.at(-1);
  const shownInspections = inspections.map((i) => presentInspection(i, view.photos.get(i.id) ?? []));
  const shownClosures = closures.map((c) => presentClosure(c, today));
  const history: VenueHistoryEntry[] = [
    ...shownInspections.map((inspection) => ({ kind: 'inspection' as const, at: inspection.at, inspection })),
    ...shownClosures.map((closure) => ({ kind: 'closure_issued' as const, at: closure.issuedAt, closure })),
    ...shownClosures.flatMap((closure) =>
      closure.lifted ? [{ kind: 'closure_lifted' as const, at: closure.lifted.at, closure }] : [],
    ),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const open = closures.find((c) => c.open === 1) ?? null;
  return {
    ...presentSummary(row, view.names, last ? { at: last.inspected_at, result: last.result } : null, view.reveal),
    createdAt: row.created_at,
    openClosure: open ? presentClosure(open, today) : null,
    recheckPassed:
      !!open &&
      recheckPassed(
        open.issued_at,
        inspections.map((i) => ({ at: i.inspected_at, result: InspectionResult.parse(i.result) })),
      ),
    history,
    checklist: view.checklist,
    can: view.can,
  };
}
