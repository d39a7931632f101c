import { z } from 'zod';

// Shapes of the reporting API; the form definition itself is checked by the domain (form-schema.ts),
// which names every problem's field.

export const FormDefinitionBody = z.strictObject({
  code: z.string(),
  name: z.string(),
  periodType: z.enum(['daily', 'weekly', 'monthly']),
  deadline: z.strictObject({ time: z.string(), dayOffset: z.number().int(), graceDays: z.number().int().optional() }),
  allowZero: z.boolean(),
  reporters: z.union([
    z.strictObject({ kind: z.literal('level'), unitKind: z.string() }),
    z.strictObject({ kind: z.literal('units'), unitIds: z.array(z.uuid()).min(1) }),
  ]),
  fields: z.array(z.record(z.string(), z.unknown())).min(1).max(200),
  rules: z.array(z.record(z.string(), z.unknown())).max(100).default([]),
});

export const SubmitBody = z.strictObject({
  unitId: z.uuid(),
  /** '2026-11-30' (daily), '2026-W49' (weekly) or '2026-11' (monthly). */
  period: z.string().min(7).max(10),
  values: z.record(z.string(), z.unknown()).nullable().optional(),
  /** 零报告 (今日无新增): counts as submitted; only where the form allows it. */
  zero: z.boolean().optional(),
  /** The version the form was filled in; a replaced version is refused so no value is misread. */
  formVersion: z.number().int().min(1).optional(),
});

export const PrefillQuery = z.strictObject({ unitId: z.uuid(), period: z.string().min(7).max(10) });

/** What the system already counts for a unit's report of a period, to pre-fill the form. */
export const ReportPrefill = z.object({
  unitId: z.string(),
  period: z.string(),
  /** By field code, for the fields of the current version that name a source. */
  values: z.record(z.string(), z.number()),
  figures: z.array(z.object({ field: z.string(), source: z.string(), label: z.string(), value: z.number() })),
});
export type ReportPrefill = z.infer<typeof ReportPrefill>;

/** The figures the system counts, for form designers. */
export const ReportFigureList = z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) });
export type ReportFigureList = z.infer<typeof ReportFigureList>;

export const CompletenessQuery = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.string().min(7).max(10),
  to: z.string().min(7).max(10),
});

/** Which list of unreported reports to page: 缺报 (due, not received) or 未到期 (not yet due). */
export const UNREPORTED_LISTS = ['missing', 'notDue'] as const;

// ---- replies (what the console reads) ----

const DeadlineRule = z.object({
  /** 'HH:MM' local time. */
  time: z.string(),
  /** 0 = the period's last day; 1 = the next day. */
  dayOffset: z.number().int(),
  graceDays: z.number().int().optional(),
});

/** One field of a form; the per-type settings (min, max, options, columns …) are checked by the domain. */
const FormField = z.object({
  code: z.string(),
  label: z.string(),
  type: z.enum(['integer', 'decimal', 'text', 'single_choice', 'multiple_choice', 'date', 'table']),
  required: z.boolean().optional(),
  /** A figure the system counts (GET /report-figures), pre-filled and kept beside the reported value. */
  source: z.string().optional(),
});

/** A form's definition at one version. */
export const ReportFormDefinition = z.object({
  code: z.string(),
  name: z.string(),
  /** Starts at 1; a new version never changes how earlier submissions are read. */
  version: z.number().int(),
  periodType: z.enum(['daily', 'weekly', 'monthly']),
  deadline: DeadlineRule,
  allowZero: z.boolean(),
  reporters: z.union([
    z.object({ kind: z.literal('level'), unitKind: z.string() }),
    z.object({ kind: z.literal('units'), unitIds: z.array(z.string()) }),
  ]),
  fields: z.array(FormField),
  rules: z.array(
    z.object({
      left: z.string(),
      op: z.enum(['<=', '<', '=', '>=', '>']),
      right: z.union([z.string(), z.number()]),
      message: z.string().optional(),
    }),
  ),
});

export const CreatedReportForm = ReportFormDefinition.extend({ id: z.string() });
export type CreatedReportForm = z.infer<typeof CreatedReportForm>;

export const ReportForm = CreatedReportForm.extend({ status: z.string(), updatedAt: z.string() });
export type ReportForm = z.infer<typeof ReportForm>;
export const ReportFormList = z.object({ items: z.array(ReportForm) });
export type ReportFormList = z.infer<typeof ReportFormList>;

export const ReportFormVersion = z.object({ id: z.string(), version: z.number().int() });
export type ReportFormVersion = z.infer<typeof ReportFormVersion>;

const submissionFields = {
  formVersion: z.number().int(),
  zero: z.boolean(),
  /** null for a zero report. */
  values: z.record(z.string(), z.unknown()).nullable(),
  /**
   * The system's figures, when the report was sent, for the fields that name a source (by field
   * code); null when the form names none. A reported value that differs is the reporter's correction.
   */
  systemValues: z.record(z.string(), z.number()).nullable(),
};

export const ReportSubmission = z.object({
  id: z.string(),
  formId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  ...submissionFields,
  submittedAt: z.string(),
  onTime: z.boolean(),
  late: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type ReportSubmission = z.infer<typeof ReportSubmission>;

/** A submission with the history of its corrections. */
export const ReportSubmissionDetail = ReportSubmission.extend({
  history: z.array(z.object({ revision: z.number().int(), ...submissionFields, changedAt: z.string() })),
});
export type ReportSubmissionDetail = z.infer<typeof ReportSubmissionDetail>;

const completenessSummary = {
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  zero: z.number(),
  /** 缺报: owed, past the deadline + grace days, not received. */
  missing: z.number(),
  /** 未到期: owed, not received, deadline + grace days not yet passed; not part of `expected`. */
  notDue: z.number(),
  reportingRate: z.number().nullable(),
  timeliness: z.number().nullable(),
};

/** 应报/实报/按时报 for a unit subtree and period range, and a page of who is missing. */
export const Completeness = z.object({
  formId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  periods: z.array(z.string()),
  ...completenessSummary,
  /** Which list `missing` pages: 缺报 (default) or 未到期. */
  list: z.enum(UNREPORTED_LISTS),
  /** Entries of that list over the whole range: `missing` or `notDue`. */
  missingTotal: z.number(),
  missingOffset: z.number(),
  missingLimit: z.number(),
  /** A page of the list, the latest period first (the count is missingTotal). */
  missing: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string().nullable(),
      period: z.string(),
      deadline: z.string(),
      /** Past the deadline + grace days: 缺报; false = 未到期. */
      overdue: z.boolean(),
    }),
  ),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string().nullable(), ...completenessSummary })),
  byPeriod: z.array(z.object({ period: z.string(), ...completenessSummary })),
});
export type Completeness = z.infer<typeof Completeness>;

const FieldRollup = z.object({
  aggregation: z.enum(['sum', 'avg', 'max', 'none']),
  /** null when no report carried the field. */
  value: z.number().nullable(),
  count: z.number(),
});
const RollupValues = z.record(z.string(), FieldRollup);

export const Rollup = z.object({
  formId: z.string(),
  formName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  reports: z.number(),
  fields: z.array(z.object({ code: z.string(), label: z.string(), aggregation: FieldRollup.shape.aggregation })),
  total: RollupValues,
  /** A row per child unit, and the unit's own reports (本级) last. */
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      /** Whether it has reports below it (can be drilled into). */
      hasChildren: z.boolean(),
      reports: z.number(),
      values: RollupValues.nullable(),
    }),
  ),
  byPeriod: z.array(z.object({ period: z.string(), values: RollupValues.nullable() })),
});
export type Rollup = z.infer<typeof Rollup>;

export const RollupRebuilt = z.object({ submissions: z.number(), rows: z.number() });
export type RollupRebuilt = z.infer<typeof RollupRebuilt>;

/** 催报 of a period (`period`) or of a range (`from`, `to`: what the 缺报名单 shows); `unitId` = whose subtree, the caller's own by default. */
export const RemindBody = z.strictObject({
  unitId: z.uuid().optional(),
  period: z.string().min(7).max(10).optional(),
  from: z.string().min(7).max(10).optional(),
  to: z.string().min(7).max(10).optional(),
});
export type RemindBody = z.input<typeof RemindBody>;

export const RemindersSent = z.object({
  from: z.string(),
  to: z.string(),
  /** Units with a report not in (缺报 or 未到期). */
  missingUnits: z.number(),
  /** (unit, period) reports not in. */
  missingReports: z.number(),
  /** Units whose reporters got a message (a unit without an account gets none). */
  unitsReached: z.number(),
  /** Inbox messages sent, one per reporter. */
  messages: z.number(),
});
export type RemindersSent = z.infer<typeof RemindersSent>;

export const CreatedDataQuery = z.object({ id: z.string() });
export type CreatedDataQuery = z.infer<typeof CreatedDataQuery>;

export const DataQuery = z.object({
  id: z.string(),
  submissionId: z.string(),
  formId: z.string(),
  formName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  /** The questioned field, or null for the whole report. */
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  value: z.unknown(),
  status: z.enum(['open', 'answered', 'overdue', 'closed']),
  askedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredLate: z.boolean(),
  escalatedAt: z.string().nullable(),
  /** Whether the caller may answer it. */
  canAnswer: z.boolean(),
  thread: z.array(z.object({ kind: z.string(), author: z.string(), text: z.string(), at: z.string() })),
});
export type DataQuery = z.infer<typeof DataQuery>;
export const DataQueryList = z.object({ items: z.array(DataQuery) });
export type DataQueryList = z.infer<typeof DataQueryList>;

/**
 * A form field with its per-type settings, as the console reads them to draw the input (the reply's
 * `fields` carry them; the domain's form-schema.ts checks them when a form is defined).
 */
const fieldSettings = {
  code: z.string(),
  label: z.string(),
  type: FormField.shape.type,
  required: z.boolean().optional(),
  /** integer / decimal: numbers; date: 'YYYY-MM-DD'. */
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  /** decimal: most digits after the point. */
  scale: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  options: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
  minSelected: z.number().int().optional(),
  maxSelected: z.number().int().optional(),
  aggregation: FieldRollup.shape.aggregation.optional(),
  source: z.string().optional(),
  minRows: z.number().int().optional(),
  maxRows: z.number().int().optional(),
};
export const ReportFieldColumn = z.object(fieldSettings);
export type ReportFieldColumn = z.infer<typeof ReportFieldColumn>;
export const ReportFieldSettings = z.object({ ...fieldSettings, columns: z.array(ReportFieldColumn).optional() });
export type ReportFieldSettings = z.infer<typeof ReportFieldSettings>;

export const PERIOD_TYPES = ['daily', 'weekly', 'monthly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const AskQueryBody = z.strictObject({
  /** The questioned field, or null for the whole report. */
  field: z.string().max(64).nullable().optional(),
  question: z.string().trim().min(2).max(2000),
});
export type AskQueryBody = z.input<typeof AskQueryBody>;

export const AnswerQueryBody = z.strictObject({ answer: z.string().trim().min(1).max(2000) });
export type AnswerQueryBody = z.input<typeof AnswerQueryBody>;
