import { ROLE_CODES, ROLES, type RoleCode } from '../../../kernel/auth/roles.js';
import type { MessageParams } from '../../../kernel/errors.js';
import { invalidTransitionParams, invalidTransitionReason } from './case-errors.js';
import { guardFailure, isLegal } from './case-transitions.js';
import {
  CASE_ACTION_NAMES,
  CASE_ACTION_TYPES,
  SYSTEM_ACTIONS,
  type CaseActionType,
  type CaseActor,
  type CaseState,
} from './case-types.js';

/**
 * How a role's permission for an action is bounded by data scope (数据权限). "Area" is the case's
 * grid path, or the district path for a case outside every grid.
 *
 * | rule               | the actor may act when …                                                    |
 * | ------------------ | --------------------------------------------------------------------------- |
 * | district           | the actor belongs to the case's district (report; checked by canReport)     |
 * | area               | the area lies in the actor's scope                                          |
 * | assigned           | the assigned unit's path lies in the actor's scope                          |
 * | visible            | area or assigned unit in scope, or the actor is one of the reporters        |
 * | subdistrict_triage | area in scope and the case is not (yet) triaged by the district             |
 * | district_triage    | area in scope and the case is triaged by the district (上报区级, out of grid) |
 */
export type ScopeRule = 'district' | 'area' | 'assigned' | 'visible' | 'subdistrict_triage' | 'district_triage';

const TRIAGE = {
  subdistrict_staff: 'subdistrict_triage',
  supervision_office: 'district_triage',
  admin: 'visible',
} as const;
/**
 * The assigned unit's steps. A 街道 handling its own problem (二级派遣: dispatched to the 街道 itself
 * or to one of its communities) takes them as a department's handler does: its staff when the case
 * is assigned to the 街道 or a community under it, the community's cadres when it is assigned to
 * their community. 'assigned' keeps each to cases assigned within its own scope.
 */
const UNIT = {
  unit_handler: 'assigned',
  subdistrict_staff: 'assigned',
  community_worker: 'assigned',
  admin: 'visible',
} as const;
const VERIFY = { grid_worker: 'area', community_worker: 'area', admin: 'visible' } as const;
const ANYONE_WHO_SEES = Object.fromEntries(ROLE_CODES.map((r) => [r, 'visible'])) as Record<RoleCode, 'visible'>;

/** Which role may take which action, and within which scope. A role missing from a row may not. */
export const casePolicy: Record<CaseActionType, Partial<Record<RoleCode, ScopeRule>>> = {
  report: {
    grid_worker: 'district',
    community_worker: 'district',
    subdistrict_staff: 'district',
    supervision_office: 'district',
    admin: 'district',
  },
  escalate: { community_worker: 'area', admin: 'visible' },
  accept: TRIAGE,
  reject: TRIAGE,
  merge: TRIAGE,
  absorb: { subdistrict_staff: 'area', supervision_office: 'area', admin: 'visible' },
  escalate_district: { subdistrict_staff: 'subdistrict_triage', admin: 'visible' },
  dispatch: TRIAGE,
  return: UNIT,
  start: UNIT,
  request_extension: UNIT,
  approve_extension: TRIAGE,
  deny_extension: TRIAGE,
  feedback: UNIT,
  verify_pass: VERIFY,
  verify_fail: VERIFY,
  reopen: TRIAGE,
  urge: { subdistrict_staff: 'subdistrict_triage', supervision_office: 'visible', admin: 'visible' },
  supervise: { supervision_office: 'visible', district_leader: 'visible', admin: 'visible' },
  comment: ANYONE_WHO_SEES,
  // No role: only the system records it (canTakeAction), when org moves a unit.
  relocate: {},
};

/** A refusal: its code, an English reason for logs, and what its sentence (kernel/http/messages.zh.ts) is built from. */
export type PolicyResult = { ok: true } | { ok: false; code: string; reason: string; params: MessageParams };

const OK: PolicyResult = { ok: true };
const FORBIDDEN = 'case.action_forbidden';
/** Why a role's scope does not reach the case: the `why` of a 'case.action_forbidden' refusal. */
type ScopeFailure = 'out_of_scope' | 'not_assigned' | 'district_triaged' | 'subdistrict_triaged';

function forbidden(why: string, reason: string, type?: CaseActionType, extra: MessageParams = {}): PolicyResult {
  return {
    ok: false,
    code: FORBIDDEN,
    reason,
    params: { why, ...(type ? { action: CASE_ACTION_NAMES[type] } : {}), ...extra },
  };
}

/** The path that decides territorial scope: the grid, or the district when the case is in no grid. */
export function areaPath(state: Pick<CaseState, 'gridPath' | 'districtPath'>): string {
  return state.gridPath ?? state.districtPath;
}

/** The path of the sub-district a case's grid lies in ('/district/sub/'), or null for a case in no sub-district's grid. */
export function subdistrictPathOf(state: Pick<CaseState, 'gridPath' | 'subdistrictId'>): string | null {
  if (!state.gridPath || !state.subdistrictId) return null;
  const ids = state.gridPath.split('/').filter(Boolean);
  const at = ids.indexOf(state.subdistrictId);
  return at < 0 ? null : `/${ids.slice(0, at + 1).join('/')}/`;
}

function inArea(actor: CaseActor, state: CaseState): boolean {
  return areaPath(state).startsWith(actor.scopePath);
}

function assignedInScope(actor: CaseActor, state: CaseState): boolean {
  return state.assignedUnitPath !== null && state.assignedUnitPath.startsWith(actor.scopePath);
}

/** May the actor see the case at all (and so comment on it)? */
export function canSee(actor: CaseActor, state: CaseState): boolean {
  return inArea(actor, state) || assignedInScope(actor, state) || state.reporters.includes(actor.accountId);
}

/** A failure reason, or null when the rule holds. */
function scopeFailure(rule: ScopeRule, actor: CaseActor, state: CaseState | null): ScopeFailure | null {
  if (rule === 'district') return null; // report: checked against the payload by canReport
  if (state === null) return 'out_of_scope';
  switch (rule) {
    case 'area':
      return inArea(actor, state) ? null : 'out_of_scope';
    case 'assigned':
      return assignedInScope(actor, state) ? null : 'not_assigned';
    case 'visible':
      return canSee(actor, state) ? null : 'out_of_scope';
    case 'subdistrict_triage':
      if (!inArea(actor, state)) return 'out_of_scope';
      return state.triageLevel === 'district' ? 'district_triaged' : null;
    case 'district_triage':
      if (!inArea(actor, state)) return 'out_of_scope';
      return state.triageLevel === 'district' ? null : 'subdistrict_triaged';
  }
}

/**
 * May the actor take this action on the case now? Checks, in order: the transition table
 * (code 'case.invalid_transition'), the guards (e.g. 'case.extension_pending'), then roles and
 * scope ('case.action_forbidden'). state = null asks about reporting a new case.
 */
export function canTakeAction(actor: CaseActor, type: CaseActionType, state: CaseState | null): PolicyResult {
  const from = state?.status ?? null;
  if (!isLegal(from, type))
    return {
      ok: false,
      code: 'case.invalid_transition',
      reason: invalidTransitionReason(from, type),
      params: invalidTransitionParams(from, type),
    };
  if (state !== null) {
    const g = guardFailure(state, type);
    if (g) return { ok: false, code: g.code, reason: g.reason, params: {} };
  }
  if (actor.via === 'open311') {
    return type === 'report' ? OK : forbidden('open311_report_only', 'Open311 only reports');
  }
  // The system records what follows from other modules' changes, and only that; nobody else may.
  if (actor.via === 'system') {
    return SYSTEM_ACTIONS.has(type) ? OK : forbidden('system_cannot', `the system cannot ${type}`, type);
  }
  if (SYSTEM_ACTIONS.has(type)) {
    return forbidden('system_only', `${type} is recorded by the system only`, type);
  }
  // A fix on the spot is checked by someone else: the reporter does not sign off their own work.
  if (
    (type === 'verify_pass' || type === 'verify_fail') &&
    state?.fixedOnSpot &&
    state.reportedBy === actor.accountId
  ) {
    return forbidden('self_verify', 'a fix on the spot is verified by someone other than its reporter');
  }
  // Nor does a unit verify its own handling (a community that handled a 二级派遣 leaves it to the grid worker).
  if (
    (type === 'verify_pass' || type === 'verify_fail') &&
    state?.assignedUnitId !== null &&
    state?.assignedUnitId === actor.unitId
  ) {
    return forbidden('own_handling', 'a unit does not verify its own handling', type);
  }
  const rules = casePolicy[type];
  const granted = actor.roles.filter((r) => rules[r] !== undefined);
  if (granted.length === 0) {
    const names = actor.roles.map((r) => ROLES[r]?.name ?? r).join('、') || '无角色';
    return forbidden('role', `roles ${actor.roles.join(', ')} may not ${type}`, type, { roles: names });
  }
  let why: ScopeFailure = 'out_of_scope';
  for (const r of granted) {
    const failure = scopeFailure(rules[r]!, actor, state);
    if (failure === null) return OK;
    if (failure !== 'out_of_scope') why = failure;
  }
  return forbidden(why, `${type}: ${why.replaceAll('_', ' ')}`, type);
}

/** The actions the actor may take on the case now, and no others (for the UI); a user is never offered a system action. */
export function allowedActions(actor: CaseActor, state: CaseState | null): CaseActionType[] {
  return CASE_ACTION_TYPES.filter(
    (t) => (actor.via === 'system' || !SYSTEM_ACTIONS.has(t)) && canTakeAction(actor, t, state).ok,
  );
}

/** A report must lie in the actor's district: the actor's scope and the district path nest. */
export function canReport(actor: CaseActor, target: { districtPath: string }): PolicyResult {
  const p = target.districtPath;
  if (actor.scopePath.startsWith(p) || p.startsWith(actor.scopePath)) return OK;
  return forbidden('other_district', 'cannot report a case of another district');
}
