import type { CaseSummary } from './case-kpis.js';
import type { ActionRecord, CaseState } from './case-types.js';

const STATE_DATES = [
  'deadline',
  'reportedAt',
  'acceptedAt',
  'dispatchedAt',
  'startedAt',
  'firstFeedbackAt',
  'lastFeedbackAt',
  'handlingDispatchedAt',
  'handlingDeadline',
  'closedAt',
  'rejectedAt',
  'mergedAt',
  'updatedAt',
] as const satisfies readonly (keyof CaseState)[];

const revive = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** The state as JSON for the store's `state` column (dates as ISO strings). */
export function stateToJson(state: CaseState): string {
  return JSON.stringify(state);
}

/** Reads a state written by stateToJson back, with its dates as Date objects. */
export function stateFromJson(json: string): CaseState {
  const raw = JSON.parse(json) as Record<string, unknown>;
  for (const k of STATE_DATES) raw[k] = revive(raw[k]);
  const pending = raw.pendingExtension as Record<string, unknown> | null;
  if (pending) raw.pendingExtension = { ...pending, requestedAt: revive(pending.requestedAt) };
  return raw as unknown as CaseState;
}

/** The record as JSON for the store's case_actions.record column. */
export function recordToJson(record: ActionRecord): string {
  return JSON.stringify(record);
}

/** Reads a record written by recordToJson back; payload dates stay ISO strings, as recorded. */
export function recordFromJson(json: string): ActionRecord {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return { ...raw, at: new Date(raw.at as string) } as unknown as ActionRecord;
}

/**
 * The state's fields the KPI rules read (a CaseSummary, as summaryOf takes them from a whole state),
 * in the order summaryFromValues expects them.
 */
export const SUMMARY_KEYS = [
  'status',
  'reportedAt',
  'acceptedAt',
  'rejectedAt',
  'mergedAt',
  'dispatchedAt',
  'deadline',
  'closedAt',
  'firstFeedbackAt',
  'firstFeedbackOnTime',
  'handlingDispatchedAt',
  'handlingDeadline',
  'reworkCount',
  'extensionCount',
] as const satisfies readonly (keyof CaseSummary)[];

/** A CaseSummary from the SUMMARY_KEYS' values of a state's JSON (absent: null, counts 0), dates revived. */
export function summaryFromValues(values: readonly unknown[]): CaseSummary {
  const v = (k: (typeof SUMMARY_KEYS)[number]) => values[SUMMARY_KEYS.indexOf(k)] ?? null;
  const onTime = v('firstFeedbackOnTime');
  return {
    status: v('status') as CaseSummary['status'],
    reportedAt: revive(v('reportedAt'))!,
    acceptedAt: revive(v('acceptedAt')),
    rejectedAt: revive(v('rejectedAt')),
    mergedAt: revive(v('mergedAt')),
    dispatchedAt: revive(v('dispatchedAt')),
    deadline: revive(v('deadline')),
    closedAt: revive(v('closedAt')),
    firstFeedbackAt: revive(v('firstFeedbackAt')),
    firstFeedbackOnTime: onTime === null ? null : onTime === true,
    handlingDispatchedAt: revive(v('handlingDispatchedAt')),
    handlingDeadline: revive(v('handlingDeadline')),
    reworkCount: Number(v('reworkCount') ?? 0),
    extensionCount: Number(v('extensionCount') ?? 0),
  };
}
