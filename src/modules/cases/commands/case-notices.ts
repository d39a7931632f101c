import type { Executor } from '../../../kernel/db/db.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { notify } from '../../inbox/index.js';
import { CASE_ACTION_NAMES, subdistrictPathOf, type ActionRecord, type CaseState } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';

/**
 * Who hears of a step: the next actor in the loop gets it in the in-app inbox, and dispatches and
 * closings go out as webhook / group-robot events. Runs in the action's transaction.
 */
export async function announce(
  deps: CasesDeps,
  ex: Executor,
  c: { id: string; caseNumber: string; categoryName: string },
  state: CaseState,
  record: ActionRecord,
): Promise<void> {
  const area = state.gridPath ?? state.districtPath;
  const recipients: { path: string; roles: string[] }[] = [];
  switch (record.type) {
    case 'report':
      if (state.status === 'reported') recipients.push({ path: area, roles: ['community_worker'] });
      if (state.status === 'pending_verification') recipients.push({ path: area, roles: ['community_worker'] });
      break;
    case 'escalate':
    case 'return':
    case 'request_extension':
      recipients.push({ path: area, roles: ['subdistrict_staff'] });
      break;
    case 'escalate_district':
      recipients.push({ path: area, roles: ['supervision_office'] });
      break;
    case 'dispatch':
    case 'urge':
    case 'supervise':
    case 'approve_extension':
    case 'deny_extension':
    case 'verify_fail':
      if (state.assignedUnitPath) recipients.push({ path: state.assignedUnitPath, roles: handlerRoles(state) });
      break;
    case 'feedback':
      recipients.push({ path: area, roles: ['grid_worker', 'community_worker'] });
      break;
    default:
      break;
  }
  const accountIds: string[] = [];
  for (const r of recipients)
    for (const a of await deps.org.accountsCovering(ex, r.path, r.roles)) accountIds.push(a.id);
  const verb = CASE_ACTION_NAMES[record.type];
  await notify(ex, {
    accountIds: accountIds.filter((id) => id !== record.actorId),
    districtCode: state.districtCode,
    kind: `case.${record.type}`,
    title: `【${verb}】${c.caseNumber} ${c.categoryName}`,
    body: `${state.description.slice(0, 120)}${record.comment ? `\n备注：${record.comment}` : ''}${state.deadline && record.type === 'dispatch' ? `\n处置时限：${formatLocalDateTime(state.deadline, deps.config.timeZone)}` : ''}`,
    entityType: 'case',
    entityId: c.id,
    at: record.at,
  });
  if (deps.enqueueEvent && (record.type === 'dispatch' || record.type === 'verify_pass')) {
    const type = record.type === 'dispatch' ? 'case.dispatched' : 'case.closed';
    await deps.enqueueEvent(ex, {
      districtCode: state.districtCode,
      type,
      at: record.at,
      payload: {
        caseId: c.id,
        caseNumber: c.caseNumber,
        category: c.categoryName,
        status: state.status,
        assignedUnitId: state.assignedUnitId,
        deadline: state.deadline?.toISOString() ?? null,
      },
      text: `${type === 'case.dispatched' ? '问题已派遣' : '问题已结案'}：${c.caseNumber} ${c.categoryName} — ${state.description.slice(0, 60)}`,
    });
  }
}

/**
 * Who handles for the assigned unit: a department's or outside unit's handlers, or — a 街道 handling
 * its own problem (二级派遣) — the 街道's staff, or the community's cadres when it went to a community.
 */
function handlerRoles(state: CaseState): string[] {
  const territorial = state.assignedUnitPath !== null && (state.gridPath ?? '').startsWith(state.assignedUnitPath);
  if (!territorial) return ['unit_handler'];
  return state.assignedUnitPath === subdistrictPathOf(state) ? ['subdistrict_staff'] : ['community_worker'];
}
