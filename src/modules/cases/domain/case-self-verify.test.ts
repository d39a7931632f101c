import { describe, expect, it } from 'vitest';
import { applyAction, canTakeAction } from './index.js';
import { actor, calendar, cst, reportPayload } from './case-test-fixtures.js';

describe('verifying a fix on the spot', () => {
  const reporter = actor('grid_worker');
  const colleague = actor('community_worker');
  const { state } = applyAction(
    null,
    {
      type: 'report',
      payload: { ...reportPayload, fixedOnSpot: true },
      attachments: [
        { fileId: 'f-before', role: 'before' },
        { fileId: 'f-after', role: 'after' },
      ],
    },
    { actor: reporter, now: cst('2026-11-30T10:00'), calendar },
  );

  it('is refused to the reporter, who may not sign off their own fix', () => {
    expect(state.status).toBe('pending_verification');
    const r = canTakeAction(reporter, 'verify_pass', state);
    expect(r).toMatchObject({ ok: false, code: 'case.action_forbidden' });
    expect(canTakeAction(reporter, 'verify_fail', state).ok).toBe(false);
  });

  it('is open to a colleague in the area', () => {
    expect(canTakeAction(colleague, 'verify_pass', state).ok).toBe(true);
  });
});
