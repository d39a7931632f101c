/** Shared fixtures of the case domain tests (imported by *.test.ts only). */
import { ROLE_CODES, type RoleCode } from '../../../kernel/auth/roles.js';
import { createCalendar } from '../../../kernel/calendar/index.js';
import {
  applyAction,
  type ActionRecord,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseState,
  type CaseStatus,
} from './case-workflow.js';

export const calendar = createCalendar();

/** An instant given as Beijing local time, e.g. cst('2025-09-26T10:00'). */
export const cst = (local: string): Date => new Date(`${local}:00+08:00`);

export const P = {
  district: '/d/',
  sub: '/d/s/',
  community: '/d/s/c/',
  grid: '/d/s/c/gl/g1/',
  unit: '/d/u/',
  otherSub: '/d/s2/',
  otherCommunity: '/d/s2/c2/',
  otherGrid: '/d/s2/c2/gl/g2/',
  otherUnit: '/d/u2/',
  otherDistrict: '/e/',
} as const;

/** Each role's scope when the case lies in it … */
export const IN_SCOPE: Record<RoleCode, string> = {
  admin: P.district,
  district_leader: P.district,
  supervision_office: P.district,
  proposal_office: P.district,
  subdistrict_staff: P.sub,
  community_worker: P.community,
  grid_worker: P.grid,
  unit_handler: P.unit,
  democratic_supervisor: P.district,
  volunteer: P.community,
  // 四包一's police officer and doctor sit in a 派出所 or a clinic (a unit holding no grid).
  police_officer: P.unit,
  doctor: P.unit,
};
/** … and when it does not. */
export const OUT_OF_SCOPE: Record<RoleCode, string> = {
  admin: P.otherDistrict,
  district_leader: P.otherDistrict,
  supervision_office: P.otherDistrict,
  proposal_office: P.otherDistrict,
  subdistrict_staff: P.otherSub,
  community_worker: P.otherCommunity,
  grid_worker: P.otherGrid,
  unit_handler: P.otherUnit,
  democratic_supervisor: P.otherDistrict,
  volunteer: P.otherCommunity,
  police_officer: P.otherUnit,
  doctor: P.otherUnit,
};

export function actor(role: RoleCode, scopePath = IN_SCOPE[role], accountId = `acc-${role}`): CaseActor {
  return { accountId, roles: [role], unitId: `unit-of-${accountId}`, scopePath };
}

/** The platform itself, following a unit move: the one actor that may relocate. */
export const SYSTEM: CaseActor = { accountId: 'system', roles: [], unitId: 'd', scopePath: P.district, via: 'system' };

/** The fixtures' own admin: a separate account, so that matrix actors are never the reporter. */
export const admin = actor('admin', P.district, 'acc-fixture-admin');
export const ALL_ROLES = ROLE_CODES;

export const reportPayload = {
  districtCode: '411602',
  districtPath: P.district,
  categoryCode: '0101',
  description: '路边私搭乱建',
  location: { lng: 114.65, lat: 33.62 },
  address: '七一路 12 号',
  gridId: 'g1',
  gridPath: P.grid,
  communityId: 'c',
  subdistrictId: 's',
};

/** A valid action of each type, for the table and property tests. */
export function validAction(type: CaseActionType, extra: Partial<Record<string, unknown>> = {}): CaseAction {
  const reason = { reason: '理由' };
  const payloads: Record<CaseActionType, unknown> = {
    report: reportPayload,
    escalate: {},
    accept: {},
    reject: reason,
    merge: { targetCaseId: 'case-2' },
    absorb: { sourceCaseId: 'case-3', reporters: ['acc-x'] },
    escalate_district: {},
    dispatch: { unitId: 'u', unitPath: P.unit, timeLimit: { value: 2, unit: 'days' } },
    return: reason,
    start: {},
    request_extension: { extra: { value: 4, unit: 'hours' }, reason: '材料未到' },
    approve_extension: {},
    deny_extension: reason,
    feedback: {},
    verify_pass: {},
    verify_fail: reason,
    reopen: reason,
    urge: {},
    supervise: {},
    comment: {},
    // The case's community moves from sub-district s to s2.
    relocate: { oldPath: P.community, newPath: '/d/s2/c/', subdistrictId: 's2' },
  };
  const payload = { ...(payloads[type] as object), ...extra };
  return { type, payload, comment: type === 'comment' ? '请尽快处理' : null } as CaseAction;
}

/** Folds actions by `who` (admin by default), one minute apart from `start`. */
export function walk(
  types: (CaseActionType | CaseAction)[],
  opts: { who?: CaseActor; start?: Date } = {},
): { state: CaseState; records: ActionRecord[]; at: Date } {
  let t = (opts.start ?? cst('2025-09-24T09:00')).getTime();
  let state: CaseState | null = null;
  const records: ActionRecord[] = [];
  for (const x of types) {
    const action = typeof x === 'string' ? validAction(x) : x;
    const who = action.type === 'relocate' ? SYSTEM : (opts.who ?? admin);
    const r = applyAction(state, action, { actor: who, now: new Date(t), calendar });
    state = r.state;
    records.push(r.record);
    t += 60_000;
  }
  return { state: state!, records, at: new Date(t) };
}

const SUB_PATHS: Record<CaseStatus, CaseActionType[]> = {
  reported: ['report'],
  escalated: ['report', 'escalate'],
  escalated_district: ['report', 'escalate', 'escalate_district'],
  accepted: ['report', 'escalate', 'accept'],
  dispatched: ['report', 'escalate', 'accept', 'dispatch'],
  handling: ['report', 'escalate', 'accept', 'dispatch', 'start'],
  returned: ['report', 'escalate', 'accept', 'dispatch', 'return'],
  pending_verification: ['report', 'escalate', 'accept', 'dispatch', 'start', 'feedback'],
  closed: ['report', 'escalate', 'accept', 'dispatch', 'start', 'feedback', 'verify_pass'],
  rejected: ['report', 'escalate', 'reject'],
  merged: ['report', 'escalate', 'merge'],
};

/** The actions that bring a new case to `status`, triaged by the sub-district unless level = 'district'. */
export function pathTo(status: CaseStatus, level: 'subdistrict' | 'district' = 'subdistrict'): CaseActionType[] {
  const path = SUB_PATHS[status];
  if (level === 'subdistrict' || ['reported', 'escalated', 'escalated_district'].includes(status)) return [...path];
  const [, , ...rest] = path;
  return ['report', 'escalate', 'escalate_district', ...rest];
}

/** A state in `status`; with a pending extension when the action needs one. */
export function stateFor(
  status: CaseStatus,
  action?: CaseActionType,
  level: 'subdistrict' | 'district' = 'subdistrict',
): CaseState {
  const path = pathTo(status, level);
  if (
    (action === 'approve_extension' || action === 'deny_extension') &&
    (status === 'dispatched' || status === 'handling')
  ) {
    path.push('request_extension');
  }
  return walk(path).state;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
