import { describe, it, expect } from 'vitest';
import type { RoleCode } from '../../../kernel/auth/roles.js';
import { DomainError } from '../../../kernel/errors.js';
import { allowedActions, canTakeAction } from './case-policy.js';
import {
  applyAction,
  CASE_ACTION_TYPES,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type CaseStatus,
} from './case-workflow.js';
import {
  actor,
  ALL_ROLES,
  calendar,
  cst,
  OUT_OF_SCOPE,
  P,
  pathTo,
  stateFor,
  validAction,
  walk,
} from './case-test-fixtures.js';

interface Scenario {
  action: CaseActionType;
  /** null: reporting a new case. */
  status: CaseStatus | null;
  level?: 'subdistrict' | 'district';
  /** The roles that may act when the case lies in their scope; out of scope nobody may. */
  allowed: RoleCode[];
  /** 二级派遣: the case was dispatched to its 街道 itself or to a community of it, not to a department. */
  assignedTo?: 'subdistrict' | 'community';
}

const TRIAGE_SUB: RoleCode[] = ['subdistrict_staff', 'admin'];
const TRIAGE_DISTRICT: RoleCode[] = ['supervision_office', 'admin'];
const UNIT: RoleCode[] = ['unit_handler', 'admin'];
const VERIFY: RoleCode[] = ['grid_worker', 'community_worker', 'admin'];
const COMMUNITY_UNIT: RoleCode[] = ['subdistrict_staff', 'community_worker', 'admin'];

/** A state in `status` with the case dispatched to its 街道 (P.sub) or its community (P.community). */
function assignedState(status: CaseStatus, to: 'subdistrict' | 'community', action: CaseActionType): CaseState {
  const unitPath = to === 'subdistrict' ? P.sub : P.community;
  const dispatch = validAction('dispatch', { unitId: to === 'subdistrict' ? 's' : 'c', unitPath });
  const path: (CaseActionType | CaseAction)[] = pathTo(status).map((t) => (t === 'dispatch' ? dispatch : t));
  if (action === 'approve_extension' || action === 'deny_extension') path.push('request_extension');
  return walk(path).state;
}

const SCENARIOS: Scenario[] = [
  {
    action: 'report',
    status: null,
    allowed: ['grid_worker', 'community_worker', 'subdistrict_staff', 'supervision_office', 'admin'],
  },
  { action: 'escalate', status: 'reported', allowed: ['community_worker', 'admin'] },
  { action: 'accept', status: 'reported', allowed: TRIAGE_SUB },
  { action: 'accept', status: 'escalated', allowed: TRIAGE_SUB },
  { action: 'accept', status: 'escalated_district', allowed: TRIAGE_DISTRICT },
  { action: 'reject', status: 'escalated', allowed: TRIAGE_SUB },
  { action: 'reject', status: 'escalated_district', allowed: TRIAGE_DISTRICT },
  { action: 'merge', status: 'escalated', allowed: TRIAGE_SUB },
  { action: 'merge', status: 'escalated_district', allowed: TRIAGE_DISTRICT },
  { action: 'absorb', status: 'handling', allowed: ['subdistrict_staff', 'supervision_office', 'admin'] },
  { action: 'escalate_district', status: 'escalated', allowed: TRIAGE_SUB },
  { action: 'escalate_district', status: 'returned', allowed: TRIAGE_SUB },
  { action: 'dispatch', status: 'accepted', allowed: TRIAGE_SUB },
  { action: 'dispatch', status: 'returned', allowed: TRIAGE_SUB },
  { action: 'dispatch', status: 'escalated_district', allowed: TRIAGE_DISTRICT },
  { action: 'dispatch', status: 'accepted', level: 'district', allowed: TRIAGE_DISTRICT },
  { action: 'return', status: 'dispatched', allowed: UNIT },
  { action: 'start', status: 'dispatched', allowed: UNIT },
  { action: 'request_extension', status: 'handling', allowed: UNIT },
  { action: 'approve_extension', status: 'handling', allowed: TRIAGE_SUB },
  { action: 'approve_extension', status: 'dispatched', level: 'district', allowed: TRIAGE_DISTRICT },
  { action: 'deny_extension', status: 'handling', allowed: TRIAGE_SUB },
  { action: 'feedback', status: 'handling', allowed: UNIT },
  { action: 'verify_pass', status: 'pending_verification', allowed: VERIFY },
  { action: 'verify_fail', status: 'pending_verification', allowed: VERIFY },
  { action: 'reopen', status: 'closed', allowed: TRIAGE_SUB },
  { action: 'reopen', status: 'rejected', allowed: TRIAGE_SUB },
  { action: 'reopen', status: 'closed', level: 'district', allowed: TRIAGE_DISTRICT },
  { action: 'urge', status: 'handling', allowed: ['subdistrict_staff', 'supervision_office', 'admin'] },
  { action: 'urge', status: 'handling', level: 'district', allowed: ['supervision_office', 'admin'] },
  { action: 'supervise', status: 'handling', allowed: ['supervision_office', 'district_leader', 'admin'] },
  // A unit holding no grid (a department; 四包一's 派出所 and clinic) sees a reported case only once it is assigned.
  {
    action: 'comment',
    status: 'reported',
    allowed: ALL_ROLES.filter((r) => !['unit_handler', 'police_officer', 'doctor'].includes(r)),
  },
  { action: 'comment', status: 'handling', allowed: [...ALL_ROLES] },
  // 二级派遣: the 街道 handles its own problem — its staff for the 街道 itself (and for its communities),
  // the community's cadres for their community; the triage and verification stay as they were.
  { action: 'start', status: 'dispatched', assignedTo: 'subdistrict', allowed: ['subdistrict_staff', 'admin'] },
  { action: 'return', status: 'dispatched', assignedTo: 'subdistrict', allowed: ['subdistrict_staff', 'admin'] },
  { action: 'feedback', status: 'handling', assignedTo: 'subdistrict', allowed: ['subdistrict_staff', 'admin'] },
  {
    action: 'request_extension',
    status: 'handling',
    assignedTo: 'subdistrict',
    allowed: ['subdistrict_staff', 'admin'],
  },
  { action: 'start', status: 'dispatched', assignedTo: 'community', allowed: COMMUNITY_UNIT },
  { action: 'return', status: 'dispatched', assignedTo: 'community', allowed: COMMUNITY_UNIT },
  { action: 'feedback', status: 'handling', assignedTo: 'community', allowed: COMMUNITY_UNIT },
  { action: 'request_extension', status: 'handling', assignedTo: 'community', allowed: COMMUNITY_UNIT },
  { action: 'approve_extension', status: 'handling', assignedTo: 'community', allowed: TRIAGE_SUB },
  { action: 'verify_pass', status: 'pending_verification', assignedTo: 'subdistrict', allowed: VERIFY },
  {
    action: 'urge',
    status: 'handling',
    assignedTo: 'community',
    allowed: ['subdistrict_staff', 'supervision_office', 'admin'],
  },
  // Recorded by the system when org moves a unit; no role may, in scope or not.
  { action: 'relocate', status: 'handling', allowed: [] },
  { action: 'relocate', status: 'closed', allowed: [] },
];

/** Out of scope: another sub-district, community, grid or unit; for a report, another district. */
const outOf = (role: RoleCode, action: CaseActionType) =>
  actor(role, action === 'report' ? '/e/x/' : OUT_OF_SCOPE[role]);

/** Whether applyAction takes the step: refused only with Forbidden, anything else fails the test. */
function permitted(role: RoleCode, scope: 'in' | 'out', action: CaseActionType, state: CaseState | null): boolean {
  const who = scope === 'in' ? actor(role) : outOf(role, action);
  try {
    applyAction(state, validAction(action), { actor: who, now: cst('2025-09-25T10:00'), calendar });
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'case.action_forbidden' && e.kind === 'forbidden') return false;
    throw e;
  }
}

describe('the policy matrix: every role × every action × in and out of scope', () => {
  const rows = SCENARIOS.flatMap((s) =>
    ALL_ROLES.flatMap((role) =>
      (['in', 'out'] as const).map((scope) => ({
        ...s,
        role,
        scope,
        expected: scope === 'in' && s.allowed.includes(role),
      })),
    ),
  );

  it('covers every action type', () => {
    expect(new Set(SCENARIOS.map((s) => s.action))).toEqual(new Set(CASE_ACTION_TYPES));
  });

  it.each(rows)(
    '$action on $status ($level, $assignedTo) by $role $scope of scope → $expected',
    ({ action, status, level, assignedTo, role, scope, expected }) => {
      const state =
        status === null
          ? null
          : assignedTo
            ? assignedState(status, assignedTo, action)
            : stateFor(status, action, level);
      expect(permitted(role, scope, action, state)).toBe(expected);
      if (state !== null) {
        const who = scope === 'in' ? actor(role) : outOf(role, action);
        expect(allowedActions(who, state).includes(action)).toBe(expected);
      }
    },
  );
});

describe('二级派遣: the 街道 handling its own problem', () => {
  const own = (who: ReturnType<typeof actor>, to: 'subdistrict' | 'community', status: CaseStatus) => {
    const s = assignedState(status, to, 'feedback');
    return { ...s, assignedUnitId: who.unitId };
  };
  it('offers the community its handling steps on a case dispatched to it', () => {
    const cadre = actor('community_worker');
    expect(allowedActions(cadre, own(cadre, 'community', 'dispatched'))).toEqual([
      'return',
      'start',
      'request_extension',
      'comment',
    ]);
  });
  it('leaves the verification of a community’s handling to someone outside that community', () => {
    const cadre = actor('community_worker');
    const state = own(cadre, 'community', 'pending_verification');
    expect(canTakeAction(cadre, 'verify_pass', state)).toMatchObject({
      ok: false,
      code: 'case.action_forbidden',
      params: { why: 'own_handling', action: '核查通过' },
    });
    expect(canTakeAction(actor('grid_worker'), 'verify_pass', state).ok).toBe(true);
  });
  it('keeps a department’s handler away from a case the 街道 handles itself', () => {
    expect(
      canTakeAction(actor('unit_handler'), 'start', assignedState('dispatched', 'subdistrict', 'start')),
    ).toMatchObject({ ok: false, params: { why: 'not_assigned' } });
  });
});

// The Chinese sentences these params build are pinned in http/case-messages.test.ts.
describe('reasons', () => {
  it('names the role that may not act', () => {
    const r = canTakeAction(actor('grid_worker'), 'dispatch', stateFor('accepted'));
    expect(r).toMatchObject({
      ok: false,
      code: 'case.action_forbidden',
      params: { why: 'role', roles: '网格员', action: '派遣' },
    });
  });
  it('says when the case is outside the data scope', () => {
    const r = canTakeAction(actor('subdistrict_staff', '/d/s2/'), 'accept', stateFor('escalated'));
    expect(r).toMatchObject({ ok: false, code: 'case.action_forbidden', params: { why: 'out_of_scope' } });
  });
  it('says when the district has taken over the triage', () => {
    const r = canTakeAction(actor('subdistrict_staff'), 'accept', stateFor('escalated_district'));
    expect(r).toMatchObject({ ok: false, params: { why: 'district_triaged', action: '立案' } });
  });
  it('reports an illegal transition before asking about roles', () => {
    const r = canTakeAction(actor('grid_worker'), 'verify_pass', stateFor('closed'));
    expect(r).toMatchObject({
      ok: false,
      code: 'case.invalid_transition',
      params: { status: '已结案', action: '核查通过' },
    });
  });
});

describe('allowed actions for the UI', () => {
  it('offers the unit handler exactly its own steps on a dispatched case', () => {
    expect(allowedActions(actor('unit_handler'), stateFor('dispatched'))).toEqual([
      'return',
      'start',
      'request_extension',
      'comment',
    ]);
  });
  it('offers the sub-district its triage on an escalated case', () => {
    expect(allowedActions(actor('subdistrict_staff'), stateFor('escalated'))).toEqual([
      'accept',
      'reject',
      'merge',
      'absorb',
      'escalate_district',
      'comment',
    ]);
  });
  it('offers nothing but a comment on a closed case to the grid worker, and comments to the reporter anywhere', () => {
    expect(allowedActions(actor('grid_worker'), stateFor('closed'))).toEqual(['comment']);
    const far = actor('grid_worker', '/d/s2/c2/gl/g2/', 'acc-far');
    const { state } = walk(['report'], { who: far });
    expect(allowedActions(far, state)).toEqual(['comment']);
  });
  it('offers only reporting before a case exists', () => {
    expect(allowedActions(actor('grid_worker'), null)).toEqual(['report']);
    expect(allowedActions(actor('unit_handler'), null)).toEqual([]);
  });
});
