import { describe, it, expect } from 'vitest';
import { type DomainError } from '../../../kernel/errors.js';
import {
  applyAction,
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  InvalidTransition,
  replay,
  transitions,
  type CaseAction,
  type CaseActionType,
  type CaseState,
} from './case-workflow.js';
import { recordFromJson, recordToJson, stateFromJson, stateToJson } from './case-json.js';
import {
  actor,
  admin,
  calendar,
  cst,
  deepFreeze,
  P,
  reportPayload,
  stateFor,
  SYSTEM,
  validAction,
  walk,
} from './case-test-fixtures.js';

const ctx = (now: Date, who = admin) => ({ actor: who, now, calendar });

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a throw');
}

describe('the transitions table', () => {
  const table = transitions as Record<string, Partial<Record<CaseActionType, unknown>>>;
  const now = cst('2025-09-25T10:00');
  const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTION_TYPES.map((a) => [s, a] as const));

  it.each(pairs)('from %s, %s moves to the table target or is refused without a change', (status, type) => {
    const state = deepFreeze(stateFor(status, type));
    const before = structuredClone(state);
    const target = table[status][type];
    if (target === undefined) {
      const err = thrown(() => applyAction(state, validAction(type), ctx(now)));
      expect(err).toBeInstanceOf(InvalidTransition);
      expect(err.code).toBe('case.invalid_transition');
      expect(err.kind).toBe('conflict');
    } else {
      const { state: next, record } = applyAction(
        state,
        validAction(type),
        ctx(now, type === 'relocate' ? SYSTEM : admin),
      );
      const expected = typeof target === 'string' ? target : (target as { rework: string }).rework;
      expect(next.status).toBe(expected);
      expect(next.version).toBe(state.version + 1);
      expect(record.type).toBe(type);
    }
    expect(state).toEqual(before);
  });

  it('lets only report act on a case that does not exist yet', () => {
    for (const type of CASE_ACTION_TYPES) {
      if (type === 'report') expect(applyAction(null, validAction(type), ctx(now)).state.status).toBe('reported');
      else expect(thrown(() => applyAction(null, validAction(type), ctx(now)))).toBeInstanceOf(InvalidTransition);
    }
  });

  it('names only known states as targets', () => {
    for (const row of Object.values(table)) {
      for (const target of Object.values(row)) {
        const targets = typeof target === 'string' ? [target] : Object.values(target as object);
        for (const t of targets) expect(CASE_STATUSES).toContain(t);
      }
    }
  });
});

describe('the closed loop', () => {
  it('takes a grid worker report through triage, dispatch, handling and verification to closed', () => {
    const steps: [CaseAction, ReturnType<typeof actor>, string][] = [
      [validAction('report'), actor('grid_worker'), '2025-09-24T09:00'],
      [validAction('escalate'), actor('community_worker'), '2025-09-24T10:00'],
      [validAction('accept'), actor('subdistrict_staff'), '2025-09-25T09:00'],
      [validAction('dispatch'), actor('subdistrict_staff'), '2025-09-26T10:00'],
      [validAction('start'), actor('unit_handler'), '2025-09-26T11:00'],
      [validAction('feedback'), actor('unit_handler'), '2025-09-28T15:00'],
      [validAction('verify_pass'), actor('grid_worker'), '2025-09-29T09:00'],
    ];
    let state: CaseState | null = null;
    const records = [];
    for (const [action, who, at] of steps) {
      const r = applyAction(state, action, ctx(cst(at), who));
      state = r.state;
      records.push(r.record);
    }
    const s = state!;
    expect(s.status).toBe('closed');
    expect(s.source).toBe('patrol');
    expect(s.reporters).toEqual(['acc-grid_worker']);
    // Two working days from Friday 10:00: Sunday 28 September 2025 is a make-up workday.
    expect(s.deadline).toEqual(cst('2025-09-29T10:00'));
    expect(s.firstFeedbackOnTime).toBe(true);
    expect(s.closedAt).toEqual(cst('2025-09-29T09:00'));
    expect(s.version).toBe(7);
    expect(replay(records)).toEqual(s);
  });

  it('sends a fix on the spot straight to verification, with before and after photos', () => {
    const photos = [
      { fileId: 'f1', role: 'before' as const },
      { fileId: 'f2', role: 'after' as const },
    ];
    const action = {
      type: 'report',
      payload: { ...reportPayload, fixedOnSpot: true },
      attachments: photos,
    } as CaseAction;
    const { state } = applyAction(null, action, ctx(cst('2025-09-24T09:00'), actor('grid_worker')));
    expect(state.status).toBe('pending_verification');
    expect(state.fixedOnSpot).toBe(true);
    const err = thrown(() =>
      applyAction(null, { ...action, attachments: [photos[0]] } as CaseAction, ctx(cst('2025-09-24T09:00'))),
    );
    expect(err.code).toBe('case.invalid_action');
    expect(err.errors).toEqual([
      { field: 'attachments', message: "fixing on the spot needs a photo with role 'after'" },
    ]);
  });

  it('puts a failed fix on the spot on the problem list, and a failed handling back to the unit with a new deadline', () => {
    const photos = [
      { fileId: 'f1', role: 'before' as const },
      { fileId: 'f2', role: 'after' as const },
    ];
    const fixed = applyAction(
      null,
      { type: 'report', payload: { ...reportPayload, fixedOnSpot: true }, attachments: photos },
      ctx(cst('2025-09-24T09:00')),
    ).state;
    const failed = applyAction(
      fixed,
      validAction('verify_fail'),
      ctx(cst('2025-09-24T10:00'), actor('community_worker')),
    ).state;
    expect(failed).toMatchObject({ status: 'reported', triageLevel: 'community', reworkCount: 1, deadline: null });

    const pending = stateFor('pending_verification');
    const now = cst('2025-09-30T16:00');
    const rework = applyAction(pending, validAction('verify_fail'), ctx(now, actor('grid_worker'))).state;
    expect(rework).toMatchObject({ status: 'handling', reworkCount: 1, assignedUnitId: 'u' });
    // The same two working days again, from now; 1 to 8 October 2025 are days off.
    expect(rework.deadline).toEqual(cst('2025-10-10T16:00'));
  });

  it('refuses a second extension request while one is pending, and moves the deadline by the approved time', () => {
    const handling = stateFor('handling');
    const asked = applyAction(
      handling,
      validAction('request_extension'),
      ctx(cst('2025-09-24T10:00'), actor('unit_handler')),
    ).state;
    expect(asked.pendingExtension?.extra).toEqual({ value: 4, unit: 'hours' });
    const again = thrown(() =>
      applyAction(asked, validAction('request_extension'), ctx(cst('2025-09-24T10:05'), actor('unit_handler'))),
    );
    expect(again.code).toBe('case.extension_pending');
    const approved = applyAction(
      asked,
      validAction('approve_extension'),
      ctx(cst('2025-09-24T11:00'), actor('subdistrict_staff')),
    ).state;
    expect(approved.pendingExtension).toBeNull();
    expect(approved.extensionCount).toBe(1);
    expect(calendar.workingMillisBetween(handling.deadline!, approved.deadline!)).toBe(4 * 3_600_000);
    expect(
      thrown(() =>
        applyAction(approved, validAction('deny_extension'), ctx(cst('2025-09-24T12:00'), actor('subdistrict_staff'))),
      ).code,
    ).toBe('case.no_pending_extension');
  });

  it('counts an extension approved after the deadline from the approval, never into the past', () => {
    const asked = walk([
      ...(['report', 'escalate', 'accept', 'dispatch', 'start'] as CaseActionType[]),
      'request_extension',
    ]).state;
    const late = cst('2025-10-20T09:00');
    const { state } = applyAction(asked, validAction('approve_extension'), ctx(late));
    expect(state.deadline!.getTime()).toBeGreaterThan(late.getTime());
    expect(calendar.workingMillisBetween(late, state.deadline!)).toBe(4 * 3_600_000);
  });

  it('clears the assignment when the unit returns a wrong dispatch, so it can be dispatched again', () => {
    const returned = applyAction(
      stateFor('dispatched'),
      validAction('return'),
      ctx(cst('2025-09-24T11:00'), actor('unit_handler')),
    ).state;
    expect(returned).toMatchObject({ status: 'returned', assignedUnitId: null, deadline: null, returnCount: 1 });
    const again = applyAction(
      returned,
      validAction('dispatch', { unitId: 'u9', unitPath: '/d/u9/' }),
      ctx(cst('2025-09-24T14:00')),
    ).state;
    expect(again).toMatchObject({ status: 'dispatched', assignedUnitId: 'u9', dispatchCount: 2 });
  });

  it('reopens a closed case for dispatch, with a reason', () => {
    const closed = stateFor('closed');
    const err = thrown(() => applyAction(closed, validAction('reopen', { reason: ' ' }), ctx(cst('2025-09-30T09:00'))));
    expect(err.errors).toEqual([{ field: 'reason', message: 'required' }]);
    const reopened = applyAction(closed, validAction('reopen'), ctx(cst('2025-09-30T09:00'))).state;
    expect(reopened).toMatchObject({ status: 'accepted', closedAt: null, assignedUnitId: null, deadline: null });
  });

  it('keeps every reporter when a duplicate is merged', () => {
    const target = walk(['report', 'escalate', 'accept'], { who: actor('admin', P.district, 'acc-a') }).state;
    const absorbed = applyAction(
      target,
      validAction('absorb', { sourceCaseId: 'dup', reporters: ['acc-b', 'acc-a', 'acc-c'] }),
      ctx(cst('2025-09-25T09:00')),
    ).state;
    expect(absorbed.reporters).toEqual(['acc-a', 'acc-b', 'acc-c']);
    expect(absorbed.absorbedCases).toEqual(['dup']);
    const merged = applyAction(stateFor('escalated'), validAction('merge'), ctx(cst('2025-09-25T09:00'))).state;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'case-2' });
  });
});

describe('bad input', () => {
  const now = cst('2025-09-25T10:00');
  it('lists every problem of a report at once', () => {
    const err = thrown(() =>
      applyAction(null, { type: 'report', payload: { districtPath: 'x', description: '' } as never }, ctx(now)),
    );
    expect(err.code).toBe('case.invalid_action');
    expect(err.errors.map((e) => e.field).sort()).toEqual([
      'categoryCode',
      'description',
      'districtCode',
      'districtPath',
    ]);
  });
  it('wants whole working days and a positive time limit on dispatch', () => {
    const err = thrown(() =>
      applyAction(stateFor('accepted'), validAction('dispatch', { timeLimit: { value: 1.5, unit: 'days' } }), ctx(now)),
    );
    expect(err.errors).toEqual([{ field: 'timeLimit.value', message: 'a whole number of days, 1–365' }]);
    const neg = thrown(() =>
      applyAction(stateFor('accepted'), validAction('dispatch', { timeLimit: { value: -2, unit: 'hours' } }), ctx(now)),
    );
    expect(neg.errors[0].field).toBe('timeLimit.value');
  });
  it('wants a reason to reject and a text to comment', () => {
    expect(thrown(() => applyAction(stateFor('escalated'), { type: 'reject' }, ctx(now))).errors).toEqual([
      { field: 'reason', message: 'required' },
    ]);
    expect(thrown(() => applyAction(stateFor('escalated'), { type: 'comment' }, ctx(now))).errors).toEqual([
      { field: 'comment', message: 'required' },
    ]);
  });
  it('refuses a report in another district', () => {
    const err = thrown(() => applyAction(null, validAction('report'), ctx(now, actor('grid_worker', '/e/g/'))));
    expect(err.code).toBe('case.action_forbidden');
  });
  it('takes a citizen report through Open311 but nothing else from it', () => {
    const citizen = {
      accountId: 'open311:app',
      roles: [],
      unitId: 'd',
      scopePath: P.district,
      via: 'open311' as const,
    };
    const { state } = applyAction(null, validAction('report'), ctx(now, citizen));
    expect(state.source).toBe('open311');
    expect(thrown(() => applyAction(state, validAction('comment'), ctx(now, citizen))).code).toBe(
      'case.action_forbidden',
    );
    const fix = thrown(() => applyAction(null, validAction('report', { fixedOnSpot: true }), ctx(now, citizen)));
    expect(fix.errors.map((e) => e.field)).toContain('fixedOnSpot');
  });
  it('sends a case outside every grid to the district, which the community cannot escalate', () => {
    const { state } = applyAction(
      null,
      validAction('report', { gridId: null, gridPath: null, communityId: null, subdistrictId: null }),
      ctx(now),
    );
    expect(state.triageLevel).toBe('district');
    expect(thrown(() => applyAction(state, validAction('escalate'), ctx(now))).code).toBe('case.no_subdistrict');
    expect(applyAction(state, validAction('accept'), ctx(now, actor('supervision_office'))).state.status).toBe(
      'accepted',
    );
    // Inside a sub-district but in no grid: still only district-wide accounts see it, so the district triages.
    const gridless = applyAction(null, validAction('report', { gridId: null, gridPath: null }), ctx(now)).state;
    expect(gridless.triageLevel).toBe('district');
    expect(applyAction(gridless, validAction('reject'), ctx(now, actor('supervision_office'))).state.status).toBe(
      'rejected',
    );
  });
});

describe('the stored form', () => {
  it('replays records read back from JSON to the state read back from JSON', () => {
    const { state, records } = walk(['report', 'escalate', 'accept', 'dispatch', 'start', 'request_extension']);
    const back = records.map((r) => recordFromJson(recordToJson(r)));
    expect(replay(back)).toEqual(state);
    expect(stateFromJson(stateToJson(state))).toEqual(state);
  });
  it('continues a replay from a cached state', () => {
    const { state, records } = walk(['report', 'escalate', 'accept', 'dispatch']);
    expect(replay(records.slice(2), replay(records.slice(0, 2)))).toEqual(state);
  });
  it('refuses to replay a list that skips a step', () => {
    const { records } = walk(['report', 'escalate', 'accept', 'dispatch']);
    expect(() => replay([records[0], records[3]])).toThrow(InvalidTransition);
    expect(() => replay([])).toThrow(/report action/);
  });
});

describe('relocate (区划调整): a unit move re-bases the case', () => {
  const now = cst('2025-09-26T10:00');
  const move = (payload: Record<string, unknown>) => ({ type: 'relocate', payload }) as CaseAction;

  it('re-bases the grid path and takes the new sub-district, changing nothing else', () => {
    const state = deepFreeze(stateFor('handling'));
    const { state: next, record } = applyAction(state, validAction('relocate'), ctx(now, SYSTEM));
    expect(next).toEqual({
      ...state,
      gridPath: '/d/s2/c/gl/g1/',
      subdistrictId: 's2',
      communityId: 'c',
      updatedAt: now,
      version: state.version + 1,
    });
    expect(record).toMatchObject({
      type: 'relocate',
      actorId: 'system',
      roles: [],
      payload: { oldPath: P.community, newPath: '/d/s2/c/', communityId: 'c', subdistrictId: 's2' },
    });
    expect(replay([record], state)).toEqual(next);
    expect(replay([recordFromJson(recordToJson(record))], state)).toEqual(next);
    expect(stateFromJson(stateToJson(next))).toEqual(next);
  });

  it('re-bases the assigned unit when the moved unit is the department, leaving the grid and its ids', () => {
    const state = stateFor('dispatched');
    const { state: next } = applyAction(
      state,
      move({ oldPath: P.unit, newPath: '/d/x/u/', subdistrictId: 'ignored' }),
      ctx(now, SYSTEM),
    );
    expect(next.assignedUnitPath).toBe('/d/x/u/');
    expect(next.gridPath).toBe(P.grid);
    expect(next.subdistrictId).toBe('s');
    expect(next.status).toBe('dispatched');
    expect(next.deadline).toEqual(state.deadline);
  });

  it('is legal in every state, including closed and merged ones', () => {
    for (const status of CASE_STATUSES) {
      const state = stateFor(status);
      expect(applyAction(state, validAction('relocate'), ctx(now, SYSTEM)).state.status).toBe(status);
    }
  });

  it('is refused to every user, even the admin, and the system may do nothing else', () => {
    const state = stateFor('handling');
    const err = thrown(() => applyAction(state, validAction('relocate'), ctx(now, admin)));
    expect(err.code).toBe('case.action_forbidden');
    expect(thrown(() => applyAction(state, validAction('urge'), ctx(now, SYSTEM))).code).toBe('case.action_forbidden');
  });

  it('wants two different unit paths, one of them a prefix of the case', () => {
    const state = stateFor('handling');
    expect(
      thrown(() => applyAction(state, move({ oldPath: '/d/s9/', newPath: '/d/s2/s9/' }), ctx(now, SYSTEM))).errors,
    ).toEqual([{ field: 'oldPath', message: 'neither the grid nor the assigned unit of the case lies under it' }]);
    expect(thrown(() => applyAction(state, move({ oldPath: P.sub, newPath: P.sub }), ctx(now, SYSTEM))).code).toBe(
      'case.invalid_action',
    );
    expect(thrown(() => applyAction(state, move({ oldPath: 'x', newPath: '/d/' }), ctx(now, SYSTEM))).code).toBe(
      'case.invalid_action',
    );
  });
});
