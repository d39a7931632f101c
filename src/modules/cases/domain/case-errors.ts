import { DomainError, type MessageParams } from '../../../kernel/errors.js';
import { CASE_ACTION_NAMES, CASE_STATUS_NAMES, type CaseActionType, type CaseStatus } from './case-types.js';

/** The action is not legal in the case's current state (or, with from = null, on a case that does not exist yet). */
export class InvalidTransition extends DomainError {
  readonly from: CaseStatus | null;
  readonly action: CaseActionType;

  constructor({ from, action }: { from: CaseStatus | null; action: CaseActionType }) {
    super(
      'conflict',
      'case.invalid_transition',
      invalidTransitionReason(from, action),
      [],
      { from, action },
      invalidTransitionParams(from, action),
    );
    this.from = from;
    this.action = action;
  }
}

/** For developers and logs; people read the sentence of 'case.invalid_transition' built from the params below. */
export function invalidTransitionReason(from: CaseStatus | null, action: CaseActionType): string {
  return `${action} is not legal ${from === null ? 'before the report' : `from ${from}`}`;
}

/** The names the sentence shows: the status ('' before the report) and the action, in Chinese. */
export function invalidTransitionParams(from: CaseStatus | null, action: CaseActionType): MessageParams {
  return {
    status: from === null ? '' : CASE_STATUS_NAMES[from],
    action: CASE_ACTION_NAMES[action] ?? String(action),
    report: action === 'report' ? 'yes' : 'no',
  };
}
