import type { Executor } from '../../../kernel/db/db.js';
import type { CaseActionTable, CaseTable } from '../../../kernel/db/schema.js';
import {
  allowedActions,
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  recordFromJson,
  stateFromJson,
  type CaseActor,
  type CaseState,
  type CaseStatus,
} from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import type { UnitRef } from '../../org/index.js';
import { categoryCache } from '../store/category-cache.js';

const fileUrl = (id: string) => ({ url: `/api/v1/files/${id}`, thumbnailUrl: `/api/v1/files/${id}/thumbnail` });

/**
 * Names of the units and categories a page of cases refers to: the units in one query (none for
 * those the caller already holds), the categories from the district's cached list.
 */
async function lookups(
  deps: CasesDeps,
  ex: Executor,
  districtCode: string,
  rows: CaseTable[],
  extraUnitIds: (string | null)[] = [],
  known?: ReadonlyMap<string, UnitRef>,
) {
  const ids = [
    ...rows.flatMap((r) => [r.grid_id, r.community_id, r.subdistrict_id, r.assigned_unit_id]),
    ...extraUnitIds,
  ].filter((x): x is string => !!x);
  const missing = known ? ids.filter((id) => !known.has(id)) : ids;
  const units = new Map(known ?? []);
  if (missing.length) for (const [id, u] of await deps.org.unitsByIds(ex, missing)) units.set(id, u);
  const categories = (await categoryCache(deps.database.db).get(ex, districtCode)).byCode;
  return {
    unit: (id: string | null) => (id ? (units.get(id)?.name ?? null) : null),
    category: (code: string) => categories.get(code)?.name ?? code,
  };
}

function summary(r: CaseTable, state: CaseState, names: Awaited<ReturnType<typeof lookups>>) {
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

export async function presentCaseList(deps: CasesDeps, ex: Executor, districtCode: string, rows: CaseTable[]) {
  const names = await lookups(deps, ex, districtCode, rows);
  return rows.map((r) => summary(r, stateFromJson(r.state), names));
}

/** One case with its timeline; `units` are unit rows the caller already holds (e.g. from locating a new report). */
export async function presentCase(
  deps: CasesDeps,
  ex: Executor,
  actor: CaseActor,
  row: CaseTable,
  actions: CaseActionTable[],
  units?: ReadonlyMap<string, UnitRef>,
) {
  const state = stateFromJson(row.state);
  const records = actions.map((a) => ({ row: a, record: recordFromJson(a.record) }));
  const names = await lookups(
    deps,
    ex,
    row.district_code,
    [row],
    records.map((r) => r.record.unitId),
    units,
  );
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
