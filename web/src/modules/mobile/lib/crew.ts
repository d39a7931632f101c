/**
 * 处置通 (the handling crew's phone page): which steps the crew may take on a case now, counting the
 * steps already waiting in the outbox — offline, a crew signs (签收) and then feeds back (处置反馈)
 * before either is sent, and the server takes them in that order.
 */
import type { CaseDetail } from '../api';
import type { ActionItem, CrewActionType } from './outbox';

export const CREW_STEPS: readonly CrewActionType[] = ['start', 'feedback', 'request_extension', 'return'];

/** The case as the crew's queued steps will leave it: its status, and whether an extension is asked. */
export function projectedStatus(
  c: Pick<CaseDetail, 'status' | 'pendingExtension'>,
  queued: Pick<ActionItem, 'actionType' | 'state'>[],
): { status: CaseDetail['status']; extensionAsked: boolean } {
  let status = c.status;
  let extensionAsked = c.pendingExtension !== null;
  for (const q of queued) {
    if (q.state === 'rejected') continue;
    if (q.actionType === 'start' && status === 'dispatched') status = 'handling';
    else if (q.actionType === 'feedback' && status === 'handling') status = 'pending_verification';
    else if (q.actionType === 'return') status = 'returned';
    else if (q.actionType === 'request_extension') extensionAsked = true;
  }
  return { status, extensionAsked };
}

/**
 * The crew's steps to offer. With nothing queued, exactly what the server allows (allowedActions).
 * With steps queued, the server's answer is stale: a crew the server let act on the case goes on from
 * the status its queued steps lead to (签收 → 反馈, 延期, 退回), as the ledger's workflow does.
 */
export function crewSteps(
  c: Pick<CaseDetail, 'status' | 'pendingExtension' | 'allowedActions'>,
  queued: Pick<ActionItem, 'actionType' | 'state'>[],
): CrewActionType[] {
  const allowed = CREW_STEPS.filter((t) => c.allowedActions.includes(t));
  const waiting = queued.filter((q) => q.state !== 'rejected');
  if (waiting.length === 0) return allowed;
  // Not the unit holding the case (or a step of someone else's): nothing to go on from.
  if (allowed.length === 0) return [];
  const { status, extensionAsked } = projectedStatus(c, waiting);
  const next: CrewActionType[] =
    status === 'dispatched'
      ? ['start', 'request_extension', 'return']
      : status === 'handling'
        ? ['feedback', 'request_extension', 'return']
        : [];
  return next.filter((t) => t !== 'request_extension' || !extensionAsked);
}

/** The version the server will be at once the queued steps are taken: each step adds one. */
export function expectedVersionAfter(c: Pick<CaseDetail, 'version'>, queued: Pick<ActionItem, 'state'>[]): number {
  return c.version + queued.filter((q) => q.state !== 'rejected').length;
}
