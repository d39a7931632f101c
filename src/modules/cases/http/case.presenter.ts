import type { CaseTable } from '../../../kernel/db/schema.js';
import type { UnitBoundary, UnitKind } from '../../../contracts/org.js';
import type { UnitRef } from '../../org/index.js';
import {
  allowedActions,
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  recordFromJson,
  stateFromJson,
  type CaseState,
  type CaseStatus,
} from '../domain/index.js';
import type { CaseNames, CasePage, CaseView } from '../commands/case-names.js';

const fileUrl = (id: string) => ({ url: `/api/v1/files/${id}`, thumbnailUrl: `/api/v1/files/${id}/thumbnail` });

function lookup(names: CaseNames) {
  return {
    unit: (id: string | null) => (id ? (names.units.get(id) ?? null) : null),
    category: (code: string) => names.categories.get(code) ?? code,
  };
}

function summary(r: CaseTable, state: CaseState, names: ReturnType<typeof lookup>) {
  return {
    id: r.id,
    caseNumber: r.case_number,
    categoryCode: r.category_code,
    categoryName: names.category(r.category_code),
    description: r.description,
    location: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
    address: r.address,
    outOfGrid: r.out_of_grid === 1,
    gridId: r.grid_id,
    gridName: names.unit(r.grid_id),
    communityName: names.unit(r.community_id),
    subdistrictName: names.unit(r.subdistrict_id),
    source: r.source,
    status: r.status as CaseStatus,
    statusName: CASE_STATUS_NAMES[r.status as CaseStatus],
    fixedOnSpot: state.fixedOnSpot,
    assignedUnitId: r.assigned_unit_id,
    assignedUnitName: names.unit(r.assigned_unit_id),
    deadline: r.deadline,
    deadlineStatus: r.deadline_status,
    escalationLevel: r.escalation_level,
    reworkCount: state.reworkCount,
    urgeCount: state.urgeCount,
    superviseCount: state.superviseCount,
    extensionCount: state.extensionCount,
    pendingExtension: state.pendingExtension
      ? { ...state.pendingExtension.extra, reason: state.pendingExtension.reason }
      : null,
    mergedInto: state.mergedInto,
    reportedAt: r.reported_at,
    closedAt: r.closed_at,
    reconciledAt: r.reconciled_at,
    version: r.version,
  };
}

export function presentCaseList(rows: CaseTable[], caseNames: CaseNames) {
  const names = lookup(caseNames);
  return rows.map((r) => summary(r, stateFromJson(r.state), names));
}

export function presentCasePage(page: CasePage) {
  return { items: presentCaseList(page.rows, page.names), nextCursor: page.nextCursor };
}

/** One case with its timeline. */
export function presentCase({ actor, row, actions, names: caseNames }: CaseView) {
  const state = stateFromJson(row.state);
  const records = actions.map((a) => ({ row: a, record: recordFromJson(a.record) }));
  const names = lookup(caseNames);
  const photos = records.flatMap(({ record }) =>
    record.attachments.map((a) => ({ fileId: a.fileId, role: a.role ?? null, ...fileUrl(a.fileId) })),
  );
  return {
    ...summary(row, state, names),
    rejectionReason: state.rejectionReason,
    reporters: state.reporters.length,
    photos,
    actions: records.map(({ row: a, record }) => ({
      seq: a.seq,
      type: record.type,
      typeName: CASE_ACTION_NAMES[record.type],
      at: a.at,
      actorName: a.actor_name,
      unitName: names.unit(record.unitId),
      comment: record.comment,
      attachments: record.attachments.map((x) => ({ fileId: x.fileId, role: x.role ?? null, ...fileUrl(x.fileId) })),
      payload: record.type === 'report' ? { fixedOnSpot: record.payload.fixedOnSpot } : record.payload,
    })),
    allowedActions: allowedActions(actor, state).filter((t) => t !== 'report' && t !== 'absorb' && t !== 'relocate'),
  };
}

/** A case's grid boundary as the GeoJSON Feature GET /units/:id/boundary answers. */
export function presentCaseBoundary(b: { unit: UnitRef; geometry: string; updatedAt: string }): UnitBoundary {
  return {
    type: 'Feature',
    id: b.unit.id,
    properties: {
      id: b.unit.id,
      name: b.unit.name,
      kind: b.unit.kind as UnitKind,
      code: b.unit.code,
      updatedAt: b.updatedAt,
    },
    geometry: JSON.parse(b.geometry) as UnitBoundary['geometry'],
  };
}
