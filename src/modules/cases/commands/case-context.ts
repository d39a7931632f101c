import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { cachedWorkCalendar } from '../../platform/index.js';
import { canSee, stateFromJson, type CaseActor, type CaseState } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';

export function toCaseActor(actor: Actor): CaseActor {
  return { accountId: actor.accountId, roles: actor.roles, unitId: actor.unitId, scopePath: actor.scopePath };
}

/** The district's working calendar, built once and reused until a day changes (see CalendarCache). */
export function calendarFor(deps: CasesDeps, ex: Executor, districtCode: string): Promise<WorkCalendar> {
  return cachedWorkCalendar(deps.database, ex, districtCode, deps.config.timeZone);
}

/** Loads a case the actor may see; an invisible case answers as not found, so its existence does not leak. */
export async function loadVisibleCase(
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<{ row: CaseTable; state: CaseState }> {
  const row = await caseStore.findById(ex, id);
  if (!row) throw new NotFound('case', id);
  const state = stateFromJson(row.state);
  if (!canSee(toCaseActor(actor), state)) throw new NotFound('case', id);
  return { row, state };
}

/** The columns the ledger filters and sorts on, copied from the derived state. */
type DerivedColumns = Pick<
  CaseTable,
  | 'grid_path'
  | 'community_id'
  | 'subdistrict_id'
  | 'status'
  | 'assigned_unit_id'
  | 'assigned_unit_path'
  | 'deadline'
  | 'deadline_status'
  | 'escalation_level'
  | 'dispatched_at'
  | 'closed_at'
  | 'first_feedback_at'
  | 'rework_count'
  | 'extension_count'
  | 'version'
  | 'updated_at'
>;

export function columnsOf(state: CaseState, deadlineStatus: string, escalationLevel: number): DerivedColumns {
  return {
    // A unit move (relocate) re-bases these; every other action leaves them as reported.
    grid_path: state.gridPath,
    community_id: state.communityId,
    subdistrict_id: state.subdistrictId,
    status: state.status,
    assigned_unit_id: state.assignedUnitId,
    assigned_unit_path: state.assignedUnitPath,
    deadline: state.deadline?.toISOString() ?? null,
    deadline_status: deadlineStatus,
    escalation_level: escalationLevel,
    dispatched_at: state.dispatchedAt?.toISOString() ?? null,
    closed_at: state.closedAt?.toISOString() ?? null,
    first_feedback_at: state.firstFeedbackAt?.toISOString() ?? null,
    rework_count: state.reworkCount,
    extension_count: state.extensionCount,
    version: state.version,
    updated_at: state.updatedAt.toISOString(),
  };
}

export async function canActorSeeCase(ex: Executor, actor: Actor, caseId: string): Promise<boolean> {
  const row = await caseStore.findById(ex, caseId);
  return !!row && canSee(toCaseActor(actor), stateFromJson(row.state));
}
