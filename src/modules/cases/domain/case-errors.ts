import { DomainError } from '../../../kernel/errors.js';
import { CASE_ACTION_NAMES, CASE_STATUS_NAMES, type CaseActionType, type CaseStatus } from './case-types.js';

/** The action is not legal in the case's current state (or, with from = null, on a case that does not exist yet). */
export class InvalidTransition extends DomainError {
  readonly from: CaseStatus | null;
  readonly action: CaseActionType;

  constructor({ from, action }: { from: CaseStatus | null; action: CaseActionType }) {
    super('conflict', 'case.invalid_transition', invalidTransitionReason(from, action), [], { from, action });
    this.from = from;
    this.action = action;
  }
}

export function invalidTransitionReason(from: CaseStatus | null, action: CaseActionType): string {
  const name = CASE_ACTION_NAMES[action] ?? String(action);
  if (from === null) return `问题尚未上报，不能执行「${name}」`;
  if (action === 'report') return '问题已经上报，不能重复上报';
  return `问题当前状态为「${CASE_STATUS_NAMES[from]}」，不能执行「${name}」`;
}
