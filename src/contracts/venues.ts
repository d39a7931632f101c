import { z } from 'zod';
import { calendarDay } from './days.js';

// Shapes of the 场所与检查 API (SPEC §6 "Venue inspections", issue 12 item 6): venues on the grid,
// inspections against a configurable checklist, closure orders (停业整顿) and their lifting.
// Times are ISO UTC; dates are YYYY-MM-DD in the district's zone (Asia/Shanghai).

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最长 ${max} 个字符`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** 营业 / 停业整顿. */
export const VENUE_STATUSES = ['open', 'closed'] as const;
export const VenueStatus = z.enum(VENUE_STATUSES);
export type VenueStatus = z.infer<typeof VenueStatus>;
export const VENUE_STATUS_NAMES: Record<VenueStatus, string> = { open: '营业', closed: '停业整顿' };

/** One checklist item's finding: 合格 / 不合格 / 不适用. */
export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export const CheckResult = z.enum(CHECK_RESULTS);
export type CheckResult = z.infer<typeof CheckResult>;
export const CHECK_RESULT_NAMES: Record<CheckResult, string> = { pass: '合格', fail: '不合格', na: '不适用' };

/** An inspection's overall result: 不合格 when any item failed. */
export const INSPECTION_RESULTS = ['pass', 'fail'] as const;
export const InspectionResult = z.enum(INSPECTION_RESULTS);
export type InspectionResult = z.infer<typeof InspectionResult>;
export const INSPECTION_RESULT_NAMES: Record<InspectionResult, string> = { pass: '合格', fail: '不合格' };

/** The longest closure order, in days. */
export const CLOSURE_MAX_DAYS = 365;
/** The ledger category a failed inspection's case takes unless the inspector picks another. */
export const VENUE_CASE_CATEGORY = '5301';

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '请填写正确的电话号码');
const Point = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']).optional(),
});

/**
 * A venue's place: a point (located into the smallest grid) or a chosen small grid. Exactly one is
 * needed; with both, the point is kept and must lie in the chosen grid's scope.
 */
export const VenueBody = z.strictObject({
  name: text(100),
  /** A code of the district's venue types (GET /api/v1/venue-settings). */
  typeCode: z.string().trim().min(1, '请选择场所类型').max(20),
  address: text(200),
  ownerName: text(50),
  ownerPhone: Phone,
  location: Point.nullable().optional(),
  /** A small grid (小网格) in the caller's scope; used when there is no point. */
  gridId: z.uuid('请选择网格').nullable().optional(),
});
export type VenueBody = z.input<typeof VenueBody>;

/** An edit: the owner's phone may be left out to keep it (the editor need not reveal it first). */
export const VenueUpdateBody = VenueBody.extend({ ownerPhone: Phone.optional() });
export type VenueUpdateBody = z.input<typeof VenueUpdateBody>;

export const VenueListQuery = z.strictObject({
  /** A unit in scope: venues of its subtree. */
  unitId: z.uuid().optional(),
  typeCode: z.string().max(20).optional(),
  status: VenueStatus.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type VenueListQuery = z.output<typeof VenueListQuery>;

export const VenueDetailQuery = z.strictObject({
  reveal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Why the full phone number is needed: required with reveal=true, kept in the audit log. */
  reason: z.string().trim().max(200).optional(),
});

export const InspectionBody = z.strictObject({
  /** Every active checklist item, once. */
  items: z
    .array(z.strictObject({ code: z.string().trim().min(1).max(20), result: CheckResult }))
    .min(1, '请逐项填写检查结果')
    .max(50),
  note: optionalText(1000),
  /** Photos uploaded through POST /api/v1/files. */
  photoIds: z.array(z.uuid()).max(9).optional(),
  /** Raise a ledger case (问题台账) for a failed inspection, in the same transaction. */
  raiseCase: z.boolean().optional(),
  /** The case's category (a leaf); default 5301 疫情防控场所措施不落实. */
  caseCategoryCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
export type InspectionBody = z.input<typeof InspectionBody>;

export const ClosureBody = z.strictObject({
  reason: text(500),
  /** The first day of the closure; default today. */
  startDate: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  days: z
    .number()
    .int('天数须为整数')
    .min(1, '整顿期限至少 1 天')
    .max(CLOSURE_MAX_DAYS, `整顿期限最长 ${CLOSURE_MAX_DAYS} 天`),
});
export type ClosureBody = z.input<typeof ClosureBody>;

export const LiftBody = z.strictObject({ note: optionalText(500) });
export type LiftBody = z.input<typeof LiftBody>;

export const VenueTypeBody = z.strictObject({ name: text(30) });
export const VenueSettingPatch = z
  .strictObject({ name: text(30).optional(), active: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.active !== undefined, { message: '没有要修改的内容' });
export type VenueSettingPatch = z.input<typeof VenueSettingPatch>;
export const SettingCodeParams = z.strictObject({ code: z.string().min(1).max(20) });

export const VenueSettingItem = z.object({
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type VenueSettingItem = z.infer<typeof VenueSettingItem>;

export const VenueSettings = z.object({
  types: z.array(VenueSettingItem),
  checkItems: z.array(VenueSettingItem),
  /** Whether the caller keeps the district's lists (venue.write over the whole district). */
  canConfigure: z.boolean(),
});
export type VenueSettings = z.infer<typeof VenueSettings>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const VenueSummary = z.object({
  id: z.string(),
  name: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  address: z.string(),
  ownerName: z.string(),
  /** Masked (138****1234) unless revealed on the detail. */
  ownerPhone: z.string(),
  phoneMasked: z.boolean(),
  grid: Ref,
  /** The community (or village) the grid lies in. */
  community: Ref.nullable(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  status: VenueStatus,
  lastInspection: z.object({ at: z.string(), result: InspectionResult }).nullable(),
  updatedAt: z.string(),
});
export type VenueSummary = z.infer<typeof VenueSummary>;

export const VenuePage = z.object({
  items: z.array(VenueSummary),
  total: z.number().int(),
  canWrite: z.boolean(),
});
export type VenuePage = z.infer<typeof VenuePage>;

export const Inspection = z.object({
  id: z.string(),
  venueId: z.string(),
  at: z.string(),
  inspector: Ref,
  result: InspectionResult,
  items: z.array(z.object({ code: z.string(), name: z.string(), result: CheckResult })),
  note: z.string().nullable(),
  photoIds: z.array(z.string()),
  /** The ledger case the failure raised. */
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type Inspection = z.infer<typeof Inspection>;

/**
 * The inspections made in an area over local days, both included (GET /venue-inspections): the list
 * behind the dashboard's 场所检查合格率, so its two counts are the rate's.
 */
export const VenueInspectionListQuery = z
  .strictObject({
    /** An area in scope (default the caller's): inspections of venues on its grids. */
    unitId: z.uuid().optional(),
    from: calendarDay(),
    to: calendarDay(),
    /** Only inspections of this result. */
    result: InspectionResult.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type VenueInspectionListQuery = z.infer<typeof VenueInspectionListQuery>;

export const VenueInspectionRow = z.object({
  id: z.string(),
  venue: z.object({ id: z.string(), name: z.string(), typeName: z.string() }),
  grid: Ref,
  community: Ref.nullable(),
  at: z.string(),
  result: InspectionResult,
  inspector: Ref,
  /** The ledger case the failure raised. */
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type VenueInspectionRow = z.infer<typeof VenueInspectionRow>;

export const VenueInspectionPage = z.object({
  /** Every inspection counted (the rate's denominator; with `result`, those of the result). */
  total: z.number().int(),
  /** Of them, passed (the rate's numerator). */
  passed: z.number().int(),
  /** The latest, at most 500. */
  items: z.array(VenueInspectionRow),
});
export type VenueInspectionPage = z.infer<typeof VenueInspectionPage>;

export const Closure = z.object({
  id: z.string(),
  venueId: z.string(),
  reason: z.string(),
  startDate: z.string(),
  days: z.number().int(),
  /** The last day of the closure (start + days − 1). */
  untilDate: z.string(),
  issuedBy: Ref,
  issuedAt: z.string(),
  lifted: z.object({ by: Ref, at: z.string(), note: z.string().nullable(), inspectionId: z.string() }).nullable(),
  /** Past its last day and still not lifted. */
  overdue: z.boolean(),
});
export type Closure = z.infer<typeof Closure>;

/** One line of a venue's history, oldest first. */
export const VenueHistoryEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inspection'), at: z.string(), inspection: Inspection }),
  z.object({ kind: z.literal('closure_issued'), at: z.string(), closure: Closure }),
  z.object({ kind: z.literal('closure_lifted'), at: z.string(), closure: Closure }),
]);
export type VenueHistoryEntry = z.infer<typeof VenueHistoryEntry>;

export const VenueDetail = VenueSummary.extend({
  createdAt: z.string(),
  openClosure: Closure.nullable(),
  /** With an open order: the latest inspection since it was issued passed, so it may be lifted. */
  recheckPassed: z.boolean(),
  history: z.array(VenueHistoryEntry),
  /** The active checklist an inspection now records, in order. */
  checklist: z.array(z.object({ code: z.string(), name: z.string() })),
  can: z.object({
    edit: z.boolean(),
    inspect: z.boolean(),
    close: z.boolean(),
    lift: z.boolean(),
    reveal: z.boolean(),
  }),
});
export type VenueDetail = z.infer<typeof VenueDetail>;

/** What an import of the 场所台账 sheet did. */
export const VenuesImported = z.object({
  /** Newly registered. */
  created: z.number().int(),
  /** Already registered on the same grid with the same name and address: left as they are. */
  unchanged: z.number().int(),
});
export type VenuesImported = z.infer<typeof VenuesImported>;
