import { CLOCK_RUNNING } from './case-deadlines.js';
import { canTakeAction, casePolicy } from './case-policy.js';
import {
  CASE_STATUSES,
  TERMINAL_STATUSES,
  type CaseActionType,
  type CaseActor,
  type CaseState,
  type CaseStatus,
} from './case-types.js';

/**
 * The steps that move a case on (the 工作台's "waiting for my step"): triage (escalate, accept, reject,
 * escalate_district), dispatch, the unit's start / return / feedback, a decision on a pending
 * extension, verification. Left out: what any case in scope allows whatever its stage (comment,
 * urge, supervise, absorb, merge — a triager may always accept instead), the unit's own extension
 * request (it can always start or feed back) and reopen (the case is done).
 */
export const MOVING_ACTIONS: readonly CaseActionType[] = [
  'escalate',
  'accept',
  'reject',
  'escalate_district',
  'dispatch',
  'start',
  'return',
  'feedback',
  'approve_extension',
  'deny_extension',
  'verify_pass',
  'verify_fail',
];

/** The statuses a case can wait in: every one but the terminal ones. */
export const WAITING_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s));

/** Does the case wait for the actor: may the actor's roles and scope take a step that moves it on now? */
export function waitsFor(actor: CaseActor, state: CaseState): boolean {
  return MOVING_ACTIONS.some((t) => canTakeAction(actor, t, state).ok);
}

/**
 * How a case stands against its deadline at `now`, while the unit's clock runs (派遣, 处置中; as the
 * ledger's 超期): 'overdue' once now is past it, 'due_soon' when it falls before `soonUntil`
 * (the end of the next working day, dueSoonUntil), else null.
 */
export function waitingDue(
  state: Pick<CaseState, 'status' | 'deadline'>,
  now: Date,
  soonUntil: Date,
): 'overdue' | 'due_soon' | null {
  if (!state.deadline || !CLOCK_RUNNING.has(state.status)) return null;
  const t = state.deadline.getTime();
  if (t < now.getTime()) return 'overdue';
  return t < soonUntil.getTime() ? 'due_soon' : null;
}

/** Can any of these roles ever take a moving step (else the 工作台 shows no 待我处理 line: a leader, a volunteer)? */
export function mayEverMove(roles: readonly string[]): boolean {
  return MOVING_ACTIONS.some((t) => roles.some((r) => (casePolicy[t] as Record<string, unknown>)[r] !== undefined));
}
