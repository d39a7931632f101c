import { api, withQuery } from '../../lib/api';

export type PeriodType = 'daily' | 'weekly' | 'monthly';
export type FieldType = 'integer' | 'decimal' | 'text' | 'single_choice' | 'multiple_choice' | 'date' | 'table';

export interface ChoiceOption {
  code: string;
  label: string;
}

export interface ReportField {
  code: string;
  label: string;
  type: FieldType;
  required?: boolean;
  min?: number | string;
  max?: number | string;
  scale?: number;
  maxLength?: number;
  options?: ChoiceOption[];
  columns?: ReportField[];
  minRows?: number;
  maxRows?: number;
}

export interface CrossFieldRule {
  left: string;
  op: '<=' | '<' | '=' | '>=' | '>';
  right: string | number;
  message?: string;
}

export interface ReportForm {
  id: string;
  code: string;
  name: string;
  version: number;
  periodType: PeriodType;
  deadline: { time: string; dayOffset?: number; graceDays?: number };
  allowZero: boolean;
  reporters: { kind: 'level'; unitKind: string } | { kind: 'units'; unitIds: string[] };
  fields: ReportField[];
  rules: CrossFieldRule[];
  status?: string;
}

export type ReportValues = Record<string, unknown>;

export interface SubmitInput {
  unitId: string;
  period: string;
  values?: ReportValues;
  zero?: true;
  formVersion: number;
}

export interface Submission {
  id: string;
  unitId: string;
  unitName: string;
  period: string;
  zero: boolean;
  values: ReportValues | null;
  submittedAt: string;
  onTime: boolean;
  late: boolean;
  revision: number;
}

export interface CompletenessCounts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  zero: number;
  /** A count in the per-unit and per-period rows. */
  missing: number;
  reportingRate: number | null;
  timeliness: number | null;
}

export interface UnitCompleteness extends CompletenessCounts {
  unitId: string;
  unitName: string;
}

export interface PeriodCompleteness extends CompletenessCounts {
  period: string;
}

export interface MissingReport {
  unitId: string;
  unitName: string;
  period: string;
  deadline: string;
  overdue: boolean;
}

export interface Completeness extends Omit<CompletenessCounts, 'missing'> {
  formId?: string;
  unitId?: string;
  unitName?: string;
  from?: string;
  to?: string;
  periods: string[];
  units: UnitCompleteness[];
  byPeriod: PeriodCompleteness[];
  /** A page of who has not reported, latest period first (the whole count is missingTotal). */
  missing: MissingReport[];
  missingTotal: number;
  missingOffset: number;
  missingLimit: number;
}

export type Aggregation = 'sum' | 'avg' | 'max';

export interface FieldRollup {
  aggregation: Aggregation;
  value: number | null;
  count: number;
}

export interface Rollup {
  formId: string;
  formName: string;
  unitId: string;
  unitName: string;
  from: string;
  to: string;
  reports: number;
  fields: { code: string; label: string; aggregation: Aggregation }[];
  total: Record<string, FieldRollup>;
  rows: {
    unitId: string;
    unitName: string;
    hasChildren: boolean;
    reports: number;
    values: Record<string, FieldRollup> | null;
  }[];
  byPeriod: { period: string; values: Record<string, FieldRollup> | null }[];
}

export interface RollupQuery {
  unitId?: string;
  from: string;
  to: string;
  /** Comma-separated field codes. */
  fields?: string;
}

export interface QueryMessage {
  kind: 'question' | 'answer';
  author: string;
  text: string;
  at: string;
}

export interface DataQuery {
  id: string;
  submissionId: string;
  formId: string;
  formName: string;
  unitId: string;
  unitName: string;
  period: string;
  field: string | null;
  fieldLabel: string | null;
  value: unknown;
  status: 'open' | 'answered' | 'overdue' | 'closed';
  askedAt: string;
  dueAt: string;
  answeredAt: string | null;
  answeredLate: boolean;
  escalatedAt: string | null;
  canAnswer: boolean;
  thread: QueryMessage[];
}

export const reportingApi = {
  forms: (signal?: AbortSignal) => api.get<{ items: ReportForm[] }>('/report-forms', undefined, { signal }),
  submit: (formId: string, body: SubmitInput) =>
    api.post<Submission>(`/report-forms/${encodeURIComponent(formId)}/submissions`, body),
  /** The unit's report for the period, to correct it from its current values. */
  submission: (formId: string, q: { unitId: string; period: string }, signal?: AbortSignal) =>
    api.get<Submission & { values: Record<string, unknown> }>(
      `/report-forms/${encodeURIComponent(formId)}/submissions`,
      q,
      { signal },
    ),
  completeness: (
    formId: string,
    q: { unitId?: string; from?: string; to?: string; missingOffset?: number; missingLimit?: number },
    signal?: AbortSignal,
  ) => api.get<Completeness>(`/report-forms/${encodeURIComponent(formId)}/completeness`, q, { signal }),
  rollup: (formId: string, q: RollupQuery, signal?: AbortSignal) =>
    api.get<Rollup>(`/report-forms/${encodeURIComponent(formId)}/rollup`, { ...q }, { signal }),
  rollupXlsxUrl: (formId: string, q: RollupQuery & { by?: 'unit' | 'period' }) =>
    withQuery(`/api/v1/report-forms/${encodeURIComponent(formId)}/rollup.xlsx`, { ...q }),
  queries: (q: { status?: string }, signal?: AbortSignal) =>
    api.get<{ items: DataQuery[] }>('/report-queries', q, { signal }),
  askQuery: (submissionId: string, body: { field?: string | null; question: string }) =>
    api.post<{ id: string }>(`/report-submissions/${encodeURIComponent(submissionId)}/queries`, body),
  answerQuery: (queryId: string, answer: string) =>
    api.post<void>(`/report-queries/${encodeURIComponent(queryId)}/answer`, { answer }),
};
