import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { FarmlandCaseTable } from '../../../kernel/db/schema.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import type { FarmlandCase } from '../../../contracts/farmland.js';
import { caseStatuses } from '../../cases/index.js';
import { isDistrictLevel, M2_PER_MU, muOf, round2, type ParcelKind } from '../domain/farmland-rules.js';
import type { FarmlandDeps } from '../deps.js';
import { farmlandStore } from '../store/farmland.store.js';
import { scopeUnit } from './village-access.js';

/** A farmland case in the actor's district and scope; otherwise it does not exist (404). */
async function loadVisible(ex: Executor, actor: Actor, caseId: string): Promise<FarmlandCaseTable> {
  const fc = await farmlandStore.findCase(ex, caseId);
  if (!fc || fc.district_code !== actor.districtCode || !inScope(actor, fc.village_path))
    throw new NotFound('farmland_case', caseId);
  return fc;
}

const TERMINAL = new Set(['closed', 'rejected', 'merged']);

function present(fc: FarmlandCaseTable, status: string | undefined, villageName: string): FarmlandCase {
  return {
    caseId: fc.case_id,
    caseNumber: fc.case_number,
    status: status ?? null,
    villageId: fc.village_id,
    villageName,
    parcelKind: fc.parcel_kind as ParcelKind,
    parcelCode: fc.parcel_code,
    location: { lng: fc.lng, lat: fc.lat },
    reportedAt: fc.reported_at,
    occupiedMu: fc.occupied_m2 === null ? null : round2(muOf(fc.occupied_m2)),
    approval:
      fc.approved_at && fc.approved_by && fc.approved_by_name
        ? { by: fc.approved_by, byName: fc.approved_by_name, at: fc.approved_at, note: fc.approval_note }
        : null,
  };
}

/** The farmland cases under a unit in scope, newest first, with their ledger status. */
export async function listFarmlandCases(
  deps: FarmlandDeps,
  actor: Actor,
  unitId?: string,
): Promise<{ items: FarmlandCase[]; canApprove: boolean }> {
  const db = deps.database.db;
  const { path } = await scopeUnit(deps, db, actor, unitId);
  const rows = await farmlandStore.casesUnder(db, actor.districtCode, path);
  const statuses = await caseStatuses(
    db,
    rows.map((r) => r.case_id),
  );
  const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.village_id))]);
  return {
    items: rows.map((r) => present(r, statuses.get(r.case_id), units.get(r.village_id)?.name ?? '')),
    canApprove: isDistrictLevel(actor),
  };
}

/**
 * The district's approval (区级审批) that a farmland case may be closed as 不予立案: by a district-level
 * account, once, while the case is still open.
 */
export async function approveReject(
  deps: FarmlandDeps,
  actor: Actor,
  caseId: string,
  note: string,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'farmland.approve');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const fc = await loadVisible(trx, actor, caseId);
    if (!isDistrictLevel(actor))
      throw new Forbidden('farmland.not_district_level', 'only a district-level account approves');
    if (fc.approved_at) throw new Conflict('farmland.already_approved', 'the case is approved already');
    const status = (await caseStatuses(trx, [caseId])).get(caseId);
    if (!status || TERMINAL.has(status)) throw new Conflict('farmland.case_finished', 'the case is no longer open');
    // Conditional: of two approvals at once, the second finds one on record and is refused, not written.
    const won = await farmlandStore.approveCase(trx, caseId, {
      approved_by: actor.accountId,
      approved_by_name: actor.displayName,
      approved_at: now.toISOString(),
      approval_note: note,
    });
    if (!won) throw new Conflict('farmland.already_approved', 'the case is approved already');
    await recordAudit(trx, {
      actor,
      action: 'farmland.approve_reject',
      entityType: 'case',
      entityId: caseId,
      at: now,
      requestId,
      summary: `区级审批同意耕地案卷 ${fc.case_number} 不予立案：${note}`,
    });
  });
}

/** Records (or clears) the area a farmland case occupies, in 亩 (kept in m²). */
export async function setOccupiedArea(
  deps: FarmlandDeps,
  actor: Actor,
  caseId: string,
  occupiedMu: number | null,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'farmland.write');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const fc = await loadVisible(trx, actor, caseId);
    const m2 = occupiedMu === null ? null : occupiedMu * M2_PER_MU;
    await farmlandStore.updateCase(trx, caseId, { occupied_m2: m2 });
    await recordAudit(trx, {
      actor,
      action: 'farmland.occupied_area',
      entityType: 'case',
      entityId: caseId,
      at: now,
      requestId,
      summary: `耕地案卷 ${fc.case_number} 占用面积：${occupiedMu === null ? '清除' : `${occupiedMu} 亩`}`,
      before: { occupiedMu: fc.occupied_m2 === null ? null : round2(muOf(fc.occupied_m2)) },
      after: { occupiedMu },
    });
  });
}
