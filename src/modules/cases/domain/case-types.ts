import type { RoleCode } from '../../../kernel/auth/roles.js';
import {
  CASE_ACTION_NAMES,
  CASE_ACTION_TYPES,
  CASE_SOURCES,
  CASE_STATUS_NAMES,
  CASE_STATUSES,
  type CaseActionType,
  type CaseSource,
  type CaseStatus,
} from '../../../contracts/cases.js';

// The value lists and their names are contract data (the API's enums); the domain adds the rules.
export {
  CASE_STATUSES,
  CASE_STATUS_NAMES,
  CASE_ACTION_TYPES,
  CASE_ACTION_NAMES,
  CASE_SOURCES,
  type CaseStatus,
  type CaseActionType,
  type CaseSource,
};

/** Cases that need nobody's action any more (reopen excepted). */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['closed', 'rejected', 'merged']);

/** The open cases' states (在办: every state but the terminal ones), named so queries read the status index. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s));

/**
 * Actions the system records on its own (区划调整 when org moves a unit): never offered to nor
 * accepted from a user, whatever the role; only an actor with via 'system' may take them.
 */
export const SYSTEM_ACTIONS: ReadonlySet<CaseActionType> = new Set(['relocate']);

/**
 * Who triages the case now: the community's problem list, the sub-district, or the district.
 * Decides which role may accept, dispatch, approve extensions … (case-policy.ts).
 */
export type TriageLevel = 'community' | 'subdistrict' | 'district';

/** A handling time limit (处置时限) in working hours or working days of the official calendar. */
export interface TimeLimit {
  value: number;
  unit: 'hours' | 'days';
}

export interface Attachment {
  fileId: string;
  /** 'before'/'after' photos of a fix on the spot; 'evidence' for anything else. */
  role?: 'before' | 'after' | 'evidence';
}

export interface GeoPoint {
  lng: number;
  lat: number;
}

export interface PendingExtension {
  extra: TimeLimit;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
}

/** Who acts. Built by the command from the request's actor. */
export interface CaseActor {
  accountId: string;
  roles: readonly RoleCode[];
  unitId: string;
  /** Materialized path of the actor's scope unit; compared with the case's paths by the policy. */
  scopePath: string;
  /**
   * 'open311' for a citizen report through an Open311 client: it may report and nothing else.
   * 'system' for work the platform does itself (following a unit move): it may take SYSTEM_ACTIONS
   * and nothing else.
   */
  via?: 'open311' | 'system';
}

/** The state of a case, derived from its actions (replay) and cached by the store. */
export interface CaseState {
  status: CaseStatus;
  districtCode: string;
  /** Materialized path of the district unit ('/districtId/'); a case outside every grid lies here. */
  districtPath: string;
  categoryCode: string;
  description: string;
  source: CaseSource;
  location: GeoPoint | null;
  address: string | null;
  /** The smallest grid containing the location; null when it lies in no grid (flagged, kept). */
  gridId: string | null;
  /** The grid's unit path, '/districtId/subId/communityId/largeId/smallId/'. */
  gridPath: string | null;
  communityId: string | null;
  /** The sub-district that triages the case (研判). */
  subdistrictId: string | null;
  triageLevel: TriageLevel;
  /** Reported as fixed on the spot (立行整改); such a case is never dispatched unless verification fails. */
  fixedOnSpot: boolean;
  assignedUnitId: string | null;
  assignedUnitPath: string | null;
  /** The time limit of the current dispatch; rework grants it again. */
  timeLimit: TimeLimit | null;
  deadline: Date | null;
  pendingExtension: PendingExtension | null;
  /** Approved extensions. */
  extensionCount: number;
  /** Failed verifications (返工). */
  reworkCount: number;
  returnCount: number;
  dispatchCount: number;
  urgeCount: number;
  superviseCount: number;
  mergedInto: string | null;
  /** Duplicates merged into this case. */
  absorbedCases: string[];
  rejectionReason: string | null;
  /** Every account that reported the problem, in order; merging keeps them all. */
  reporters: string[];
  reportedBy: string;
  reportedAt: Date;
  acceptedAt: Date | null;
  /** The latest dispatch: the start of the current assignment. */
  dispatchedAt: Date | null;
  startedAt: Date | null;
  firstFeedbackAt: Date | null;
  /** Whether the first feedback came by the deadline then in force (按期处置); null before it. */
  firstFeedbackOnTime: boolean | null;
  lastFeedbackAt: Date | null;
  /**
   * The dispatch and the deadline the first feedback answered (null before it): the one 处置 the
   * KPIs count, whose time is measured from that dispatch even after a reopen dispatches again.
   */
  handlingDispatchedAt: Date | null;
  handlingDeadline: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
  mergedAt: Date | null;
  updatedAt: Date;
  /** Number of applied actions; the store's optimistic-concurrency token. */
  version: number;
}

/** The input of a report: what the command located and resolved before calling applyAction. */
export interface ReportInput {
  districtCode: string;
  districtPath: string;
  categoryCode: string;
  description: string;
  /** Defaults to 'open311' for an Open311 actor, 'patrol' for a grid worker, else 'staff'. */
  source?: CaseSource;
  location?: GeoPoint | null;
  address?: string | null;
  gridId?: string | null;
  gridPath?: string | null;
  communityId?: string | null;
  subdistrictId?: string | null;
  /** Fixed on the spot: needs attachments with role 'before' and 'after'; goes straight to verification. */
  fixedOnSpot?: boolean;
}

type Empty = Record<string, never>;
interface Reason {
  reason: string;
}

/** Payloads as the caller passes them. */
export interface ActionInputs {
  report: ReportInput;
  escalate: Empty;
  accept: Empty;
  reject: Reason;
  merge: { targetCaseId: string };
  /** Taken on the target of a merge: adds the duplicate's reporters (and its photos as attachments). */
  absorb: { sourceCaseId: string; reporters: string[] };
  escalate_district: Empty;
  /** unitPath is the unit's materialized path, so that the unit's handlers see the case. */
  dispatch: { unitId: string; unitPath: string; timeLimit: TimeLimit };
  return: Reason;
  start: Empty;
  request_extension: { extra: TimeLimit; reason: string };
  approve_extension: Empty;
  deny_extension: Reason;
  feedback: Empty;
  verify_pass: Empty;
  verify_fail: Reason;
  reopen: Reason;
  urge: Empty;
  supervise: Empty;
  comment: Empty;
  /**
   * A unit moved (org): every path of the case starting with oldPath now starts with newPath. The
   * community and sub-district the case's grid now lies in come along when the move changed them
   * (the command reads them from org); omitted, they stay.
   */
  relocate: { oldPath: string; newPath: string; communityId?: string | null; subdistrictId?: string | null };
}

export type CaseAction = {
  [T in CaseActionType]: {
    type: T;
    payload?: ActionInputs[T];
    comment?: string | null;
    attachments?: Attachment[];
  };
}[CaseActionType];

/** Report payload as recorded: every field resolved. */
export type ReportRecord = Required<{ [K in keyof ReportInput]: Exclude<ReportInput[K], undefined> }>;

/**
 * Payloads as recorded. Computed values (deadlines, as ISO strings) are recorded too, so replay
 * needs no calendar and a later calendar change never rewrites history.
 */
export interface RecordPayloads extends Omit<
  ActionInputs,
  'report' | 'dispatch' | 'approve_extension' | 'verify_fail' | 'relocate'
> {
  report: ReportRecord;
  dispatch: { unitId: string; unitPath: string; timeLimit: TimeLimit; deadline: string };
  approve_extension: { extra: TimeLimit; previousDeadline: string; deadline: string };
  /** deadline is null when a fix on the spot fails: the case goes to the problem list instead. */
  verify_fail: { reason: string; deadline: string | null };
  /** The ids recorded are those the case has after the move, changed or not: replay needs no org. */
  relocate: { oldPath: string; newPath: string; communityId: string | null; subdistrictId: string | null };
}

/** One entry of the append-only action list. */
export type ActionRecord = {
  [T in CaseActionType]: {
    type: T;
    at: Date;
    actorId: string;
    roles: RoleCode[];
    unitId: string;
    comment: string | null;
    attachments: Attachment[];
    payload: RecordPayloads[T];
  };
}[CaseActionType];
