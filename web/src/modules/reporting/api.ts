import { api } from '../../lib/api';

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
  /** Who has not reported, for which period (the count is expected − submitted). */
  missing: MissingReport[];
}

export const reportingApi = {
  forms: () => api.get<{ items: ReportForm[] }>('/report-forms'),
  submit: (formId: string, body: SubmitInput) =>
    api.post<Submission>(`/report-forms/${encodeURIComponent(formId)}/submissions`, body),
  /** The unit's report for the period, to correct it from its current values. */
  submission: (formId: string, q: { unitId: string; period: string }) =>
    api.get<Submission & { values: Record<string, unknown> }>(`/report-forms/${encodeURIComponent(formId)}/submissions`, q),
  completeness: (formId: string, q: { unitId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<Completeness>(`/report-forms/${encodeURIComponent(formId)}/completeness`, q, { signal }),
};
