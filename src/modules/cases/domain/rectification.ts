import type { CaseStatus, RectificationProgress } from '../../../contracts/cases.js';
import type { ActionRecord } from './case-types.js';

const PROGRESS: Record<CaseStatus, RectificationProgress> = {
  reported: 'awaiting_triage',
  escalated: 'awaiting_triage',
  escalated_district: 'awaiting_triage',
  accepted: 'awaiting_dispatch',
  dispatched: 'awaiting_sign',
  handling: 'in_progress',
  returned: 'returned',
  pending_verification: 'awaiting_verification',
  closed: 'done',
  rejected: 'not_accepted',
  merged: 'merged',
};

export function rectificationProgress(status: CaseStatus): RectificationProgress {
  return PROGRESS[status];
}

/** One action as the ledger reads it: who did what, for which unit, with what words. */
export interface RectificationAction {
  record: ActionRecord;
  actorName: string | null;
}

/**
 * 整改措施 and 责任人 from a case's actions (oldest first): the measures are the words of the latest
 * 处置反馈, or of a report fixed on the spot (立行整改); the responsible person is who gave that
 * feedback, else who signed for the case (签收处置) since its latest dispatch.
 */
export function rectificationFacts(actions: readonly RectificationAction[]): {
  measures: string | null;
  fixedOnSpot: boolean;
  responsible: { name: string; unitId: string } | null;
} {
  let measures: string | null = null;
  let fixedOnSpot = false;
  let responsible: { name: string; unitId: string } | null = null;
  let fromFeedback = false;
  for (const { record, actorName } of actions) {
    const who = actorName ? { name: actorName, unitId: record.unitId } : null;
    if (record.type === 'report' && record.payload.fixedOnSpot) {
      fixedOnSpot = true;
      measures = record.comment;
      responsible = who;
      fromFeedback = true;
    } else if (record.type === 'dispatch') {
      responsible = null;
      fromFeedback = false;
    } else if (record.type === 'start') {
      if (!fromFeedback) responsible = who;
    } else if (record.type === 'feedback') {
      measures = record.comment ?? measures;
      responsible = who ?? responsible;
      fromFeedback = true;
    } else if (record.type === 'verify_fail' || record.type === 'reopen') {
      fromFeedback = false;
    }
  }
  return { measures, fixedOnSpot, responsible };
}
