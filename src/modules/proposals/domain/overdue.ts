import type { ProposalState, ProposalStatus } from './proposal-state.js';
import { isOpinionOverdue, type OpinionState } from './opinion-state.js';

/**
 * Overdue is judged on calendar dates in the district's zone (Asia/Shanghai): a deadline is the last
 * day allowed, so the item is overdue from the next local day on. `today` is `localDateOf(now)`.
 */
export const pastDeadline = (deadline: string | null, today: string): deadline is string =>
  deadline !== null && deadline < today;

/** A reply not given by the current deadline: the proposal waits at 已交办 for its main handler. */
export const isReplyOverdue = (
  p: { status: ProposalStatus | string; replyDeadline: string | null },
  today: string,
): boolean => p.status === 'assigned' && pastDeadline(p.replyDeadline, today);

/** A commitment (落实事项) not done by its deadline. */
export const isCommitmentOverdue = (c: { deadline: string; doneOn: string | null }, today: string): boolean =>
  c.doneOn === null && pastDeadline(c.deadline, today);

/** One thing owed past its deadline, named so that it is reminded once per deadline. */
export interface OverdueItem {
  what: 'reply' | 'commitment' | 'opinion';
  /**
   * Stable name of the item within its proposal or opinion: `reply#<round>` (a 不满意 opens a new
   * round, and a new reply is owed), `commitment#<index>`, `opinion`. With the deadline it is the key
   * of the reminder.
   */
  item: string;
  deadline: string;
  /** The commitment's title, for the message. */
  title?: string;
}

/** What the handlers of a proposal owe past its deadline on `today`. */
export function overdueProposalItems(
  s: Pick<ProposalState, 'status' | 'replyDeadline' | 'commitments' | 'rehandleCount'>,
  today: string,
): OverdueItem[] {
  const items: OverdueItem[] = [];
  if (isReplyOverdue(s, today))
    items.push({ what: 'reply', item: `reply#${s.rehandleCount}`, deadline: s.replyDeadline! });
  // A re-opened proposal still owes its undone commitments: they stay reminders of their own.
  s.commitments.forEach((c, i) => {
    if (isCommitmentOverdue(c, today))
      items.push({ what: 'commitment', item: `commitment#${i}`, deadline: c.deadline, title: c.title });
  });
  return items;
}

/** A tracked supervisor opinion still open past its deadline. */
export function overdueOpinionItem(o: Pick<OpinionState, 'status' | 'deadline'>, today: string): OverdueItem | null {
  return isOpinionOverdue(o, today) ? { what: 'opinion', item: 'opinion', deadline: o.deadline! } : null;
}

/**
 * 是否按期 as the yearly statistics judge it: the first reply against the first reply deadline
 * (re-assignment after 不满意 does not move it). 'overdue' while no reply came and that deadline
 * passed; null while nothing is due yet.
 */
export function replyTimeliness(
  s: Pick<ProposalState, 'firstReplyDeadline' | 'replies'>,
  today: string,
): 'on_time' | 'late' | 'overdue' | null {
  if (s.firstReplyDeadline === null) return null;
  const first = s.replies[0]?.on ?? null;
  if (first !== null) return first <= s.firstReplyDeadline ? 'on_time' : 'late';
  return pastDeadline(s.firstReplyDeadline, today) ? 'overdue' : null;
}
