import { describe, expect, it } from 'vitest';
import { crewSteps, expectedVersionAfter, projectedStatus } from './crew';
import type { CaseDetail } from '../api';
import type { ActionItem } from './outbox';

type Q = Pick<ActionItem, 'actionType' | 'state'>;
const q = (actionType: Q['actionType'], state: Q['state'] = 'pending'): Q => ({ actionType, state });
const dispatched = {
  status: 'dispatched' as const,
  pendingExtension: null,
  allowedActions: ['return', 'start', 'request_extension', 'comment'] as CaseDetail['allowedActions'],
  version: 3,
};

describe('处置通: the steps a crew may take', () => {
  it('offers what the server allows when nothing is queued, in the crew order', () => {
    expect(crewSteps(dispatched, [])).toEqual(['start', 'request_extension', 'return']);
    expect(
      crewSteps(
        { ...dispatched, status: 'handling', allowedActions: ['feedback', 'return'] as CaseDetail['allowedActions'] },
        [],
      ),
    ).toEqual(['feedback', 'return']);
  });

  it('goes on from a queued 签收 to 反馈, 延期 and 退回, as the workflow does after start', () => {
    expect(crewSteps(dispatched, [q('start')])).toEqual(['feedback', 'request_extension', 'return']);
  });

  it('offers nothing more after a queued 反馈 or 退回', () => {
    expect(crewSteps(dispatched, [q('start'), q('feedback')])).toEqual([]);
    expect(crewSteps(dispatched, [q('return')])).toEqual([]);
  });

  it('does not offer a second 延期 while one is asked (queued or pending on the server)', () => {
    expect(crewSteps(dispatched, [q('request_extension')])).toEqual(['start', 'return']);
    const asked = { ...dispatched, pendingExtension: { value: 1, unit: 'days' as const, reason: '材料未到' } };
    expect(crewSteps(asked, [q('start')])).toEqual(['feedback', 'return']);
  });

  it('ignores refused items, and offers nothing to a crew the server lets do nothing', () => {
    expect(crewSteps(dispatched, [q('start', 'rejected')])).toEqual(['start', 'request_extension', 'return']);
    expect(
      crewSteps({ ...dispatched, allowedActions: ['comment'] as CaseDetail['allowedActions'] }, [q('start')]),
    ).toEqual([]);
  });

  it('projects the status and the version the server will reach', () => {
    expect(projectedStatus(dispatched, [q('start'), q('feedback')]).status).toBe('pending_verification');
    expect(expectedVersionAfter(dispatched, [q('start'), q('feedback', 'rejected')])).toBe(4);
  });
});
