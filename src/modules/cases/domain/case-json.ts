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
