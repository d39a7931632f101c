import type { Actor } from '../../kernel/auth/actor.js';
import type { Executor } from '../../kernel/db/db.js';
import type { CaseActionType, CaseStatus } from './domain/index.js';

/** A case was just reported (written in the report's transaction). */
export interface CaseReported {
  caseId: string;
  caseNumber: string;
  districtCode: string;
  categoryCode: string;
  /** WGS-84; null when only an address was given. */
  location: { lng: number; lat: number } | null;
  gridPath: string | null;
  reportedAt: Date;
}

/** A step was committed on a case (立案, 派遣, 结案 …): its status moved or its record grew. */
export interface CaseStepped {
  caseId: string;
  districtCode: string;
  type: CaseActionType;
  from: CaseStatus;
  to: CaseStatus;
  /** The case's grid path after the step (null when it lies in no grid). */
  gridPath: string | null;
  at: Date;
}

/** A case that went past a time limit: its first overdue, or a further rung of the ladder. */
export interface CaseOverdue {
  caseId: string;
  caseNumber: string;
  districtCode: string;
  /** The case's grid path (or its district's when it has no grid): where it lies. */
  areaPath: string;
  /** 1 on first overdue, then one more per further time limit missed. */
  level: number;
  /** The first words of the description, for a notice. */
  summary: string;
  at: Date;
}

declare module '../../kernel/events/events.js' {
  interface DomainEvents {
    /**
     * Emitted by the report (every path: console, phone, Open311, another module's record) inside its
     * transaction, after the case and its first action are written. A listener that keeps its own
     * table about cases (the farmland cases) writes it here; if it throws, no case is made.
     */
    'case.reported': CaseReported;
    /** Emitted by the deadline check inside the transaction that marks the case (e.g. duty tells 分包 leaders). */
    'case.overdue': CaseOverdue;
    /** Emitted by every committed step inside its transaction (the wall display refreshes on it). */
    'case.stepped': CaseStepped;
  }
}

/** A step about to be committed: legal in the workflow and allowed by the role policy. */
export interface CaseStep {
  caseId: string;
  caseNumber: string;
  districtCode: string;
  type: CaseActionType;
  from: CaseStatus;
  to: CaseStatus;
  actor: Actor;
}

/**
 * A rule another module adds to the ledger's steps (Module.caseGuards): called in the step's
 * transaction before anything is written; it throws a DomainError (with the field it is about) to
 * refuse the step, or returns to let it pass. E.g. farmland: a case of 违法占用耕地 inside a parcel is
 * not closed as 不予立案 without a district-level approval.
 */
export type CaseGuard = (trx: Executor, step: CaseStep) => Promise<void>;
