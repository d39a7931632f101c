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
    /** Emitted by the deadline check inside the transaction that marks the case (e.g. duty tells 分包 leaders). */
    'case.overdue': CaseOverdue;
  }
}
