import { z } from 'zod';

// Shapes of the home-measures API (SPEC §6, issue 12 item 5): 居家隔离 / 居家健康监测 with their four
// owners (四包一) and the daily follow-ups (随访) over the window, statuses after WHO's Go.Data
// (docs/measures.md). Shared by the server (validation, OpenAPI) and the console. Times are ISO UTC;
// days are Asia/Shanghai calendar dates (YYYY-MM-DD).

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max, `最长 ${max} 个字符`).nullable().optional();

/** The kinds of home measure (configurable here: a new kind is a line, with its default length). */
export const MEASURE_TYPES = ['home_isolation', 'home_monitoring'] as const;
export const MeasureType = z.enum(MEASURE_TYPES);
export type MeasureType = z.infer<typeof MeasureType>;
export const MEASURE_TYPE_NAMES: Record<MeasureType, string> = {
  home_isolation: '居家隔离',
  home_monitoring: '居家健康监测',
};
/**
 * Roles whose whole view of the district is the people they own (四包一's 民警 and 医生): an account
 * holding only these sees the measures naming it as an owner and nothing under its unit.
 */
export const OWNER_ONLY_ROLES: readonly string[] = ['police_officer', 'doctor'];

/** Whether an account with these roles sees only the measures it owns. */
export function seesOwnedOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => OWNER_ONLY_ROLES.includes(r));
}

/** The usual length of each kind, offered by the start dialog (any 1–MAX_MEASURE_DAYS is allowed). */
export const MEASURE_TYPE_DEFAULT_DAYS: Record<MeasureType, number> = { home_isolation: 7, home_monitoring: 7 };
export const MAX_MEASURE_DAYS = 28;

/** The four owners of 四包一, by the role each must hold. */
export const OWNER_ROLES = ['subdistrict', 'community', 'police', 'doctor'] as const;
export const OwnerRole = z.enum(OWNER_ROLES);
export type OwnerRole = z.infer<typeof OwnerRole>;
export const OWNER_ROLE_NAMES: Record<OwnerRole, string> = {
  subdistrict: '街道干部',
  community: '社区干部',
  police: '民警',
  doctor: '医生',
};

/** A measure's state: open while its window runs, then how it ended (Go.Data's contact outcomes). */
export const MEASURE_STATUSES = ['open', 'completed', 'lost', 'hospital'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof MeasureStatus>;
export const MEASURE_STATUS_NAMES: Record<MeasureStatus, string> = {
  open: '管控中',
  completed: '期满解除',
  lost: '失访',
  hospital: '转院送医',
};

/**
 * A daily follow-up's status (Go.Data): not_performed until someone records it; seen_ok / seen_not_ok
 * (seen, with or without signs); missed (an owner could not see the person, or the day ended unrecorded).
 */
export const FOLLOW_UP_STATUSES = ['not_performed', 'seen_ok', 'seen_not_ok', 'missed'] as const;
export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;
export const FOLLOW_UP_STATUS_NAMES: Record<FollowUpStatus, string> = {
  not_performed: '待随访',
  seen_ok: '正常',
  seen_not_ok: '异常',
  missed: '未见到',
};
/** What an owner records (not_performed is the state before). */
export const RecordedFollowUpStatus = z.enum(['seen_ok', 'seen_not_ok', 'missed']);
export const FOLLOW_UP_METHODS = ['visit', 'phone'] as const;
export const FollowUpMethod = z.enum(FOLLOW_UP_METHODS);
export const FOLLOW_UP_METHOD_NAMES: Record<(typeof FOLLOW_UP_METHODS)[number], string> = {
  visit: '上门',
  phone: '电话',
};

export const MeasureOwnersBody = z.strictObject({
  subdistrict: z.uuid(),
  community: z.uuid(),
  police: z.uuid(),
  doctor: z.uuid(),
});

export const MeasureBody = z.strictObject({
  residentId: z.uuid(),
  type: MeasureType,
  startDay: day,
  lengthDays: z.number().int().min(1).max(MAX_MEASURE_DAYS),
  /** 核酸 days, each inside the window. */
  testDays: z.array(day).max(MAX_MEASURE_DAYS).optional(),
  owners: MeasureOwnersBody,
  note: optionalText(500),
});
export type MeasureBody = z.infer<typeof MeasureBody>;

export const EndMeasureBody = z.strictObject({
  outcome: z.enum(['lost', 'hospital']),
  reason: z.string().trim().min(1, '不能为空').max(500),
});
export type EndMeasureBody = z.infer<typeof EndMeasureBody>;

export const MeasureOwner = z.object({ role: OwnerRole, accountId: z.string(), name: z.string() });
export const UnitName = z.object({ id: z.string(), name: z.string() });

export const MeasureSummary = z.object({
  id: z.string(),
  subject: z.object({ id: z.string(), name: z.string() }),
  community: UnitName,
  subdistrict: UnitName,
  type: MeasureType,
  startDay: z.string(),
  endDay: z.string(),
  lengthDays: z.number().int(),
  testDays: z.array(z.string()),
  status: MeasureStatus,
  endedOn: z.string().nullable(),
  owners: z.array(MeasureOwner),
  /** Today's follow-up, when today lies in the window. */
  today: FollowUpStatus.nullable(),
  /** Follow-ups seen (ok or not) of those due so far. */
  seen: z.number().int(),
  due: z.number().int(),
});
export type MeasureSummary = z.infer<typeof MeasureSummary>;
/** A page of measures; `nextCursor` asks for the next (null on the last page). */
export const MeasureList = z.object({ items: z.array(MeasureSummary), nextCursor: z.string().nullable() });
export type MeasureList = z.infer<typeof MeasureList>;

export const FollowUp = z.object({
  measureId: z.string(),
  day: z.string(),
  status: FollowUpStatus,
  method: FollowUpMethod.nullable(),
  temperature: z.number().nullable(),
  note: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string(), role: OwnerRole.nullable() }).nullable(),
  recordedAt: z.string().nullable(),
  /** Marked missed by the day's end job, not by an owner. */
  markedBySystem: z.boolean(),
  testDay: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const MeasureEvent = z.object({ at: z.string(), kind: z.string(), detail: z.string(), byName: z.string() });
export const MeasureDetail = MeasureSummary.extend({
  note: z.string().nullable(),
  householdAddress: z.string().nullable(),
  followUps: z.array(FollowUp),
  events: z.array(MeasureEvent),
  /** May the caller record today's follow-up (an owner), and end the measure (measure.manage in scope). */
  canRecord: z.boolean(),
  canEnd: z.boolean(),
});
export type MeasureDetail = z.infer<typeof MeasureDetail>;

export const MeasureListQuery = z.strictObject({
  status: MeasureStatus.optional(),
  /** A unit in scope (a community, a sub-district); default the caller's scope. */
  unitId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  /** Page size, default 100. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
  /** The previous page's `nextCursor`. */
  cursor: z.string().min(1).max(300).optional(),
});

export const FollowUpBody = z.strictObject({
  measureId: z.uuid(),
  /** The day visited (the phone's day when it was recorded offline); default today in Asia/Shanghai. */
  day: day.optional(),
  status: RecordedFollowUpStatus,
  method: FollowUpMethod.optional(),
  temperature: z.number().min(34).max(43).optional(),
  note: optionalText(300),
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

/** A line of an owner's list of the day (今日随访). */
export const DueFollowUp = FollowUp.extend({
  subject: z.object({ id: z.string(), name: z.string() }),
  householdAddress: z.string().nullable(),
  community: UnitName,
  type: MeasureType,
  /** Which day of the window (1-based) and its length: 第 3/7 天. */
  dayIndex: z.number().int(),
  lengthDays: z.number().int(),
  myRole: OwnerRole,
});
export type DueFollowUp = z.infer<typeof DueFollowUp>;
export const DueFollowUpList = z.object({ day: z.string(), items: z.array(DueFollowUp) });
export type DueFollowUpList = z.infer<typeof DueFollowUpList>;

export const CompletenessRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  measures: z.number().int(),
  open: z.number().int(),
  due: z.number().int(),
  seen: z.number().int(),
  missed: z.number().int(),
  /** seen ÷ due, null when nothing is due yet. */
  rate: z.number().nullable(),
});
export type CompletenessRow = z.infer<typeof CompletenessRow>;
/** GET /measures/completeness: an area, and optionally a period (both days or neither). */
export const CompletenessQuery = z
  .strictObject({
    unitId: z.uuid().optional(),
    /** Only the follow-ups of the days from…to (inclusive): the dashboard's 随访完成率 of a period. */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
      .optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    message: '开始日期和结束日期须同时填写',
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type CompletenessQuery = z.infer<typeof CompletenessQuery>;

export const CompletenessReport = z.object({
  asOf: z.string(),
  /** The period's days when one was asked (its follow-ups only), else null (every one to date). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  unit: UnitName,
  total: CompletenessRow,
  rows: z.array(CompletenessRow),
});
export type CompletenessReport = z.infer<typeof CompletenessReport>;

/** A resident the start dialog may pick (in the caller's scope, no open measure shown). */
export const MeasureSubject = z.object({
  id: z.string(),
  name: z.string(),
  householdAddress: z.string().nullable(),
  community: UnitName,
  subdistrict: UnitName,
  openMeasure: z.boolean(),
});
export const MeasureSubjectList = z.object({ items: z.array(MeasureSubject) });
export type MeasureSubject = z.infer<typeof MeasureSubject>;

/** The accounts that may own a subject's measure, by role (the start dialog's four pickers). */
export const OwnerCandidates = z.object({
  subdistrict: z.array(z.object({ id: z.string(), name: z.string() })),
  community: z.array(z.object({ id: z.string(), name: z.string() })),
  police: z.array(z.object({ id: z.string(), name: z.string() })),
  doctor: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OwnerCandidates = z.infer<typeof OwnerCandidates>;
