import { api, withQuery } from '../../lib/api';
import type {
  AnswerQueryBody,
  AskQueryBody,
  Completeness,
  CompletenessQuery,
  CreatedDataQuery,
  DataQuery,
  DataQueryList,
  PeriodType,
  ReportFieldSettings,
  ReportForm as ReportFormReply,
  ReportFormList,
  ReportPrefill,
  ReportSubmission,
  RemindBody,
  RemindersSent,
  ReportSubmissionDetail,
  Rollup,
  SubmitBody,
} from '../../../../src/contracts/reporting';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/reporting.ts), so the two never drift. */
export type { Completeness, DataQuery, PeriodType, RemindersSent, ReportPrefill, Rollup };
export type ReportField = ReportFieldSettings;
export type FieldType = ReportField['type'];
export type ChoiceOption = NonNullable<ReportField['options']>[number];
/** A form as the console reads it: the reply, with each field's per-type settings. */
export type ReportForm = Omit<ReportFormReply, 'fields'> & { fields: ReportField[] };
export type CrossFieldRule = ReportForm['rules'][number];
export type ReportValues = Record<string, unknown>;
export type SubmitInput = z.input<typeof SubmitBody>;
export type Submission = ReportSubmission;
export type UnitCompleteness = Completeness['units'][number];
export type PeriodCompleteness = Completeness['byPeriod'][number];
export type MissingReport = Completeness['missing'][number];
export type FieldRollup = Rollup['total'][string];
export type Aggregation = FieldRollup['aggregation'];
export type QueryMessage = DataQuery['thread'][number];
/** GET …/completeness: the range, plus paging of the missing list. */
export type CompletenessInput = Partial<z.input<typeof CompletenessQuery>> & {
  /** 缺报 (default) or 未到期. */
  list?: Completeness['list'];
  missingOffset?: number;
  missingLimit?: number;
};
/** GET …/rollup: the range, and the field codes comma-separated (every numeric field when absent). */
export type RollupQuery = z.input<typeof CompletenessQuery> & { fields?: string };

export const reportingApi = {
  forms: (signal?: AbortSignal) =>
    api.get<Omit<ReportFormList, 'items'> & { items: ReportForm[] }>('/report-forms', undefined, { signal }),
  submit: (formId: string, body: SubmitInput) =>
    api.post<Submission>(`/report-forms/${encodeURIComponent(formId)}/submissions`, body),
  /** The unit's report for the period, to correct it from its current values. */
  /** What the system already counts for the fields that name a source (敲门入户数 …). */
  prefill: (formId: string, q: { unitId: string; period: string }, signal?: AbortSignal) =>
    api.get<ReportPrefill>(`/report-forms/${encodeURIComponent(formId)}/prefill`, q, { signal }),
  submission: (formId: string, q: { unitId: string; period: string }, signal?: AbortSignal) =>
    api.get<ReportSubmissionDetail>(`/report-forms/${encodeURIComponent(formId)}/submissions`, q, { signal }),
  completeness: (formId: string, q: CompletenessInput, signal?: AbortSignal) =>
    api.get<Completeness>(`/report-forms/${encodeURIComponent(formId)}/completeness`, q, { signal }),
  rollup: (formId: string, q: RollupQuery, signal?: AbortSignal) =>
    api.get<Rollup>(`/report-forms/${encodeURIComponent(formId)}/rollup`, { ...q }, { signal }),
  rollupXlsxUrl: (formId: string, q: RollupQuery & { by?: 'unit' | 'period' }) =>
    withQuery(`/api/v1/report-forms/${encodeURIComponent(formId)}/rollup.xlsx`, { ...q }),
  /** 一键催报: every unit of the subtree not in for the range (缺报 and 未到期). */
  remind: (formId: string, body: RemindBody) =>
    api.post<RemindersSent>(`/report-forms/${encodeURIComponent(formId)}/reminders`, body),
  queries: (q: { status?: string }, signal?: AbortSignal) => api.get<DataQueryList>('/report-queries', q, { signal }),
  askQuery: (submissionId: string, body: AskQueryBody) =>
    api.post<CreatedDataQuery>(`/report-submissions/${encodeURIComponent(submissionId)}/queries`, body),
  answerQuery: (queryId: string, answer: string) =>
    api.post<void>(`/report-queries/${encodeURIComponent(queryId)}/answer`, { answer } satisfies AnswerQueryBody),
};
