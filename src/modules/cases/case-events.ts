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

declare module '../../kernel/events/events.js' {
  interface DomainEvents {
    /**
     * Emitted by the report (every path: console, phone, Open311, another module's record) inside its
     * transaction, after the case and its first action are written. A listener that keeps its own
     * table about cases (the farmland cases) writes it here; if it throws, no case is made.
     */
    'case.reported': CaseReported;
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
