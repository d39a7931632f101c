import { CASE_ACTION_TYPES, type CaseActionType, type CaseState, type CaseStatus } from './case-types.js';

/** A target state, or named alternatives when one action can lead to two states. */
type Target = CaseStatus | { readonly [branch: string]: CaseStatus };

/**
 * 'report' creates a case: into the community's problem list (问题清单), or — fixed on the spot
 * (立行整改, with before/after photos) — straight to verification.
 */
export const reportTransition = { problem_list: 'reported', fixed_on_spot: 'pending_verification' } as const;

/**
 * The case workflow. A row lists every action legal in that state and the state it leads to; an
 * action missing from a row is refused with InvalidTransition. Actions that lead back to their own
 * state (comment, urge, extension requests …) change only counters and fields.
 *
 * relocate (区划调整) is legal everywhere: a unit move re-bases the case's paths whatever its state.
 *
 * verify_fail: 'rework' sends a dispatched case back to its unit (返工); a fix on the spot that fails
 * verification (no unit was ever assigned) goes to the problem list instead.
 */
export const transitions = {
  reported: {
    escalate: 'escalated',
    accept: 'accepted',
    reject: 'rejected',
    merge: 'merged',
    escalate_district: 'escalated_district',
    absorb: 'reported',
    comment: 'reported',
    relocate: 'reported',
  },
  escalated: {
    accept: 'accepted',
    reject: 'rejected',
    merge: 'merged',
    escalate_district: 'escalated_district',
    absorb: 'escalated',
    comment: 'escalated',
    relocate: 'escalated',
  },
  escalated_district: {
    accept: 'accepted',
    reject: 'rejected',
    merge: 'merged',
    dispatch: 'dispatched',
    absorb: 'escalated_district',
    comment: 'escalated_district',
    relocate: 'escalated_district',
  },
  accepted: {
    dispatch: 'dispatched',
    merge: 'merged',
    escalate_district: 'escalated_district',
    absorb: 'accepted',
    urge: 'accepted',
    supervise: 'accepted',
    comment: 'accepted',
    relocate: 'accepted',
  },
  dispatched: {
    start: 'handling',
    return: 'returned',
    request_extension: 'dispatched',
    approve_extension: 'dispatched',
    deny_extension: 'dispatched',
    absorb: 'dispatched',
    urge: 'dispatched',
    supervise: 'dispatched',
    comment: 'dispatched',
    relocate: 'dispatched',
  },
  handling: {
    feedback: 'pending_verification',
    return: 'returned',
    request_extension: 'handling',
    approve_extension: 'handling',
    deny_extension: 'handling',
    absorb: 'handling',
    urge: 'handling',
    supervise: 'handling',
    comment: 'handling',
    relocate: 'handling',
  },
  returned: {
    dispatch: 'dispatched',
    reject: 'rejected',
    merge: 'merged',
    escalate_district: 'escalated_district',
    absorb: 'returned',
    urge: 'returned',
    supervise: 'returned',
    comment: 'returned',
    relocate: 'returned',
  },
  pending_verification: {
    verify_pass: 'closed',
    verify_fail: { rework: 'handling', fixed_on_spot: 'reported' },
    absorb: 'pending_verification',
    comment: 'pending_verification',
    relocate: 'pending_verification',
  },
  closed: { reopen: 'accepted', comment: 'closed', relocate: 'closed' },
  rejected: { reopen: 'accepted', comment: 'rejected', relocate: 'rejected' },
  merged: { comment: 'merged', relocate: 'merged' },
} as const satisfies Record<CaseStatus, Partial<Record<CaseActionType, Target>>>;

export type Transitions = typeof transitions;

/** The target (or alternatives) of an action from a state; undefined when the action is illegal there. */
export function targetOf(from: CaseStatus | null, type: CaseActionType): Target | undefined {
  if (from === null) return type === 'report' ? reportTransition : undefined;
  return (transitions[from] as Partial<Record<CaseActionType, Target>>)[type];
}

export function isLegal(from: CaseStatus | null, type: CaseActionType): boolean {
  return targetOf(from, type) !== undefined;
}

/** Actions legal in a state, in CASE_ACTION_TYPES order (no role or scope considered). */
export function legalActions(from: CaseStatus | null): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((t) => isLegal(from, t));
}

/** The state an action leads to; the caller has checked that it is legal. */
export function nextStatus(state: CaseState | null, type: CaseActionType, fixedOnSpot = false): CaseStatus {
  if (type === 'report') return fixedOnSpot ? reportTransition.fixed_on_spot : reportTransition.problem_list;
  if (state === null) throw new Error('nextStatus: no case to act on');
  if (state.status === 'pending_verification' && type === 'verify_fail') {
    const t = transitions.pending_verification.verify_fail;
    return state.assignedUnitId === null ? t.fixed_on_spot : t.rework;
  }
  const target = targetOf(state.status, type);
  if (typeof target !== 'string') throw new Error(`nextStatus: ${type} is not legal from ${state.status}`);
  return target;
}

export interface GuardFailure {
  code: string;
  reason: string;
}

/**
 * Conditions beyond the table: legal in the state, but not with these field values. Refused as a
 * Conflict with the guard's code.
 */
export const guards: Partial<Record<CaseActionType, (s: CaseState) => GuardFailure | null>> = {
  escalate: (s) =>
    s.gridPath === null || s.subdistrictId === null
      ? { code: 'case.no_subdistrict', reason: 'the case lies in no sub-district grid' }
      : null,
  escalate_district: (s) =>
    s.triageLevel === 'district' ? { code: 'case.already_district', reason: 'the district triages it already' } : null,
  request_extension: (s) =>
    s.pendingExtension !== null ? { code: 'case.extension_pending', reason: 'an extension is pending' } : null,
  approve_extension: (s) =>
    s.pendingExtension === null ? { code: 'case.no_pending_extension', reason: 'no extension is pending' } : null,
  deny_extension: (s) =>
    s.pendingExtension === null ? { code: 'case.no_pending_extension', reason: 'no extension is pending' } : null,
};

export function guardFailure(state: CaseState, type: CaseActionType): GuardFailure | null {
  return guards[type]?.(state) ?? null;
}
