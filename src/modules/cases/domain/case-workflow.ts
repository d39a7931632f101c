import { Conflict, Forbidden, Invalid } from '../../../kernel/errors.js';
import { InvalidTransition } from './case-errors.js';
import { buildRecord, type ActionContext } from './case-payloads.js';
import { canReport, canTakeAction, type PolicyResult } from './case-policy.js';
import { guardFailure, isLegal, nextStatus } from './case-transitions.js';
import type { ActionRecord, CaseAction, CaseState, TriageLevel } from './case-types.js';

export * from './case-types.js';
export { transitions, reportTransition, guards, legalActions, isLegal, nextStatus } from './case-transitions.js';
export { InvalidTransition } from './case-errors.js';
export type { ActionContext } from './case-payloads.js';

function refuse(result: Exclude<PolicyResult, { ok: true }>, state: CaseState | null, action: CaseAction): never {
  if (result.code === 'case.invalid_transition')
    throw new InvalidTransition({ from: state?.status ?? null, action: action.type });
  if (result.code === 'case.action_forbidden') throw new Forbidden(result.code, result.reason, result.params);
  throw new Conflict(result.code, result.reason, [], result.params);
}

/**
 * Takes one step of the workflow: checks the transition table, the guards, the actor's role and
 * scope (case-policy.ts) and the payload, then returns the record to append and the new state.
 * Pure: time, calendar and actor come in; `state` is never modified.
 *
 * Throws InvalidTransition ('case.invalid_transition'), Conflict (a guard's code, e.g.
 * 'case.extension_pending'), Forbidden ('case.action_forbidden') or Invalid ('case.invalid_action').
 */
export function applyAction(
  state: CaseState | null,
  action: CaseAction,
  ctx: ActionContext,
): { state: CaseState; record: ActionRecord } {
  const check = canTakeAction(ctx.actor, action.type, state);
  if (!check.ok) refuse(check, state, action);
  const record = buildRecord(state, action, ctx);
  if (record.type === 'report') {
    const where = canReport(ctx.actor, record.payload);
    if (!where.ok) refuse(where, state, action);
  }
  return { state: applyRecord(state, record), record };
}

/**
 * Folds an action list into the state: the one definition of what each action does, used by
 * applyAction and by replay. `from` continues from a cached state (the store's `state` column).
 */
export function replay(records: readonly ActionRecord[], from: CaseState | null = null): CaseState {
  let state = from;
  for (const r of records) state = applyRecord(state, r);
  if (state === null) throw new Invalid('case.empty_history', 'a case needs at least its report action');
  return state;
}

/** A case in no grid of a sub-district is seen by district-wide accounts only, so the district triages it. */
const inLocalGrid = (s: Pick<CaseState, 'gridPath' | 'subdistrictId'>): boolean =>
  s.gridPath !== null && s.subdistrictId !== null;

/** Who triages after the community's problem list. */
const aboveCommunity = (s: CaseState): TriageLevel =>
  s.triageLevel === 'community' ? (inLocalGrid(s) ? 'subdistrict' : 'district') : s.triageLevel;

const unassigned = {
  assignedUnitId: null,
  assignedUnitPath: null,
  deadline: null,
  timeLimit: null,
  pendingExtension: null,
} as const;

/**
 * Applies a recorded action without policy checks (the actor was authorized when it was taken);
 * still refuses a record the table or the guards do not allow, so a corrupt list cannot replay.
 */
export function applyRecord(state: CaseState | null, record: ActionRecord): CaseState {
  const from = state?.status ?? null;
  if (!isLegal(from, record.type)) throw new InvalidTransition({ from, action: record.type });
  const at = new Date(record.at.getTime());
  if (record.type === 'report') {
    const p = record.payload;
    return {
      status: nextStatus(null, 'report', p.fixedOnSpot),
      districtCode: p.districtCode,
      districtPath: p.districtPath,
      categoryCode: p.categoryCode,
      description: p.description,
      source: p.source,
      location: p.location ? { lng: p.location.lng, lat: p.location.lat } : null,
      address: p.address,
      gridId: p.gridId,
      gridPath: p.gridPath,
      communityId: p.communityId,
      subdistrictId: p.subdistrictId,
      triageLevel: inLocalGrid(p) ? 'community' : 'district',
      fixedOnSpot: p.fixedOnSpot,
      ...unassigned,
      extensionCount: 0,
      reworkCount: 0,
      returnCount: 0,
      dispatchCount: 0,
      urgeCount: 0,
      superviseCount: 0,
      mergedInto: null,
      absorbedCases: [],
      rejectionReason: null,
      reporters: [record.actorId],
      reportedBy: record.actorId,
      reportedAt: at,
      acceptedAt: null,
      dispatchedAt: null,
      startedAt: null,
      firstFeedbackAt: null,
      firstFeedbackOnTime: null,
      lastFeedbackAt: null,
      handlingDispatchedAt: null,
      handlingDeadline: null,
      closedAt: null,
      rejectedAt: null,
      mergedAt: null,
      updatedAt: at,
      version: 1,
    };
  }
  const s = state!;
  const guard = guardFailure(s, record.type);
  if (guard) throw new Conflict(guard.code, guard.reason);
  const next: CaseState = { ...s, status: nextStatus(s, record.type), updatedAt: at, version: s.version + 1 };
  switch (record.type) {
    case 'escalate':
      return { ...next, triageLevel: aboveCommunity(s) };
    case 'accept':
      return { ...next, triageLevel: aboveCommunity(s), acceptedAt: at };
    case 'reject':
      return { ...next, triageLevel: aboveCommunity(s), rejectionReason: record.payload.reason, rejectedAt: at };
    case 'merge':
      return { ...next, triageLevel: aboveCommunity(s), mergedInto: record.payload.targetCaseId, mergedAt: at };
    case 'absorb': {
      const added = record.payload.reporters.filter((r, i, all) => !s.reporters.includes(r) && all.indexOf(r) === i);
      return {
        ...next,
        reporters: [...s.reporters, ...added],
        absorbedCases: s.absorbedCases.includes(record.payload.sourceCaseId)
          ? s.absorbedCases
          : [...s.absorbedCases, record.payload.sourceCaseId],
      };
    }
    case 'escalate_district':
      return { ...next, triageLevel: 'district' };
    case 'dispatch': {
      const p = record.payload;
      return {
        ...next,
        triageLevel: aboveCommunity(s),
        assignedUnitId: p.unitId,
        assignedUnitPath: p.unitPath,
        timeLimit: { ...p.timeLimit },
        deadline: new Date(p.deadline),
        pendingExtension: null,
        acceptedAt: s.acceptedAt ?? at,
        dispatchedAt: at,
        dispatchCount: s.dispatchCount + 1,
      };
    }
    case 'return':
      return { ...next, ...unassigned, returnCount: s.returnCount + 1 };
    case 'start':
      return { ...next, startedAt: at };
    case 'request_extension':
      return {
        ...next,
        pendingExtension: {
          extra: { ...record.payload.extra },
          reason: record.payload.reason,
          requestedAt: at,
          requestedBy: record.actorId,
        },
      };
    case 'approve_extension':
      return {
        ...next,
        deadline: new Date(record.payload.deadline),
        pendingExtension: null,
        extensionCount: s.extensionCount + 1,
      };
    case 'deny_extension':
      return { ...next, pendingExtension: null };
    case 'feedback': {
      const first = s.firstFeedbackAt === null;
      return {
        ...next,
        pendingExtension: null,
        lastFeedbackAt: at,
        firstFeedbackAt: first ? at : s.firstFeedbackAt,
        firstFeedbackOnTime: first
          ? s.deadline === null || at.getTime() <= s.deadline.getTime()
          : s.firstFeedbackOnTime,
        handlingDispatchedAt: first ? s.dispatchedAt : s.handlingDispatchedAt,
        handlingDeadline: first ? s.deadline : s.handlingDeadline,
      };
    }
    case 'verify_pass':
      return { ...next, closedAt: at };
    case 'verify_fail': {
      const { deadline } = record.payload;
      if (next.status === 'handling') {
        if (deadline === null) throw new InvalidTransition({ from, action: record.type });
        return { ...next, deadline: new Date(deadline), reworkCount: s.reworkCount + 1, startedAt: at };
      }
      // A failed fix on the spot joins the problem list like any other report.
      return { ...next, triageLevel: inLocalGrid(s) ? 'community' : 'district', reworkCount: s.reworkCount + 1 };
    }
    case 'reopen':
      return {
        ...next,
        ...unassigned,
        triageLevel: aboveCommunity(s),
        acceptedAt: at,
        closedAt: null,
        rejectionReason: null,
        rejectedAt: null,
      };
    case 'urge':
      return { ...next, urgeCount: s.urgeCount + 1 };
    case 'supervise':
      return { ...next, superviseCount: s.superviseCount + 1 };
    case 'comment':
      return next;
    case 'relocate': {
      const { oldPath, newPath } = record.payload;
      const rebase = (p: string | null) =>
        p !== null && p.startsWith(oldPath) ? newPath + p.slice(oldPath.length) : p;
      const gridMoved = s.gridPath !== null && s.gridPath.startsWith(oldPath);
      return {
        ...next,
        gridPath: rebase(s.gridPath),
        assignedUnitPath: rebase(s.assignedUnitPath),
        ...(gridMoved ? { communityId: record.payload.communityId, subdistrictId: record.payload.subdistrictId } : {}),
      };
    }
  }
}
