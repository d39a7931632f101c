import { z } from 'zod';

/** The states of a case (SPEC §3). The transitions between them are in case-transitions.ts. */
export const CASE_STATUSES = [
  'reported',
  'escalated',
  'escalated_district',
  'accepted',
  'dispatched',
  'handling',
  'returned',
  'pending_verification',
  'closed',
  'rejected',
  'merged',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  reported: '问题清单',
  escalated: '待街道研判',
  escalated_district: '待区级研判',
  accepted: '已立案待派遣',
  dispatched: '已派遣',
  handling: '处置中',
  returned: '已退回',
  pending_verification: '待核查',
  closed: '已结案',
  rejected: '不予立案',
  merged: '已合并',
};

/** Where a case's rectification (整改) stands: the ledger's 整改情况 column. */
export const RECTIFICATION_PROGRESSES = [
  'awaiting_triage',
  'awaiting_dispatch',
  'awaiting_sign',
  'in_progress',
  'returned',
  'awaiting_verification',
  'done',
  'not_accepted',
  'merged',
] as const;
export type RectificationProgress = (typeof RECTIFICATION_PROGRESSES)[number];
export const RECTIFICATION_PROGRESS_NAMES: Record<RectificationProgress, string> = {
  awaiting_triage: '待研判',
  awaiting_dispatch: '已立案，待派遣',
  awaiting_sign: '已派遣，待签收',
  in_progress: '整改中',
  returned: '已退回，待重新派遣',
  awaiting_verification: '已整改，待核查',
  done: '已整改销号',
  not_accepted: '不予立案',
  merged: '已并入重复问题',
};

export const CASE_ACTION_TYPES = [
  'report',
  'escalate',
  'accept',
  'reject',
  'merge',
  'absorb',
  'escalate_district',
  'dispatch',
  'return',
  'start',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'feedback',
  'verify_pass',
  'verify_fail',
  'reopen',
  'urge',
  'supervise',
  'comment',
  'relocate',
] as const;
export const CaseActionType = z.enum(CASE_ACTION_TYPES);
export type CaseActionType = z.infer<typeof CaseActionType>;

export const CASE_ACTION_NAMES: Record<CaseActionType, string> = {
  report: '发现上报',
  escalate: '上报街道',
  accept: '立案',
  reject: '不予立案',
  merge: '合并为重复问题',
  absorb: '并入重复问题',
  escalate_district: '上报区级',
  dispatch: '派遣',
  return: '退回',
  start: '签收处置',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  deny_extension: '驳回延期',
  feedback: '处置反馈',
  verify_pass: '核查通过',
  verify_fail: '核查不通过',
  reopen: '重新立案',
  urge: '催办',
  supervise: '督办',
  comment: '备注',
  relocate: '区划调整',
};

/** Where a report came from. */
export const CASE_SOURCES = ['patrol', 'staff', 'open311', 'supervision', 'hotline'] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;

export const DeadlineStatus = z.enum(['none', 'on_time', 'near_overdue', 'overdue']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

const Crs = z.enum(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
const fileIds = z.array(z.uuid()).max(20);

export const ReportCaseBody = z.strictObject({
  categoryCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '请选择问题小类（4 位代码）'),
  description: z.string().trim().min(2, '请描述问题').max(4000),
  /** Map pick or GPS; GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are converted. Without it, the first photo's EXIF GPS is used. */
  location: z
    .strictObject({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), crs: Crs.optional() })
    .nullable()
    .optional(),
  address: z.string().trim().max(200).nullable().optional(),
  photoIds: fileIds.optional(),
  /** 立行整改: fixed by the reporter at once; needs before and after photos and goes straight to verification. */
  fixedOnSpot: z.boolean().optional(),
  beforePhotoIds: fileIds.optional(),
  afterPhotoIds: fileIds.optional(),
});
export type ReportCaseBody = z.infer<typeof ReportCaseBody>;

export const CaseActionBody = z.strictObject({
  type: CaseActionType,
  comment: z.string().trim().max(2000).nullable().optional(),
  attachments: z
    .array(z.strictObject({ fileId: z.uuid(), role: z.enum(['before', 'after', 'evidence']).optional() }))
    .max(20)
    .optional(),
  /** Per type, e.g. dispatch {unitId, timeLimit?}, reject/return/verify_fail/reopen/deny_extension {reason}, merge {targetCaseId}, request_extension {extra, reason}. */
  payload: z.record(z.string(), z.unknown()).optional(),
  /** The version the caller saw: a case changed since answers 409. */
  expectedVersion: z.number().int().min(1).optional(),
});

/** A comma-separated query value, e.g. status=dispatched,handling. */
const list = <T extends string>(item: z.ZodEnum<{ [K in T]: K }>) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

/** The ledger's sortable columns: 上报时间, 处置时限 (cases without one last), 状态 (in workflow order). */
export const CASE_SORT_KEYS = ['reportedAt', 'deadline', 'status'] as const;
export const CaseSortKey = z.enum(CASE_SORT_KEYS);
export type CaseSortKey = z.infer<typeof CaseSortKey>;
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

export const ListCasesQuery = z.strictObject({
  status: list(CaseStatus).optional(),
  categoryCode: z
    .string()
    .regex(/^\d{2}(\d{2})?$/)
    .optional(),
  unitId: z.uuid().optional(),
  /** Only cases dispatched to this unit (the handling crew's list), whatever their grid. */
  assignedUnitId: z.uuid().optional(),
  source: z.string().max(20).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  deadlineStatus: list(DeadlineStatus).optional(),
  /**
   * Only cases whose 处置时限 falls on these local days (the dashboard's 超期未处置数 of a period counts
   * the overdue cases whose deadline fell in it).
   */
  deadlineFrom: z.iso.date().optional(),
  deadlineTo: z.iso.date().optional(),
  reconciled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(100).optional(),
  /**
   * Only the cases waiting for the caller's step (the 工作台's 待我处理的问题): all of them ('me'), those
   * past their deadline ('overdue') or due by the end of the next working day ('due_soon').
   */
  waiting: z.enum(['me', 'overdue', 'due_soon']).optional(),
  /** The ledger's order (default: newest report first); ties go by id, in the same direction. */
  sort: CaseSortKey.optional(),
  order: SortOrder.optional(),
  /** The previous page's `nextCursor`, for the same sort and order. */
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

/** The ledger as offices print it: the export's title and columns, as JSON for the print page. */
export const LedgerSheet = z.object({
  title: z.string(),
  subtitle: z.string(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), width: z.number() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  /** Rows cut at the print limit (LEDGER_PRINT_LIMIT): narrow the filters or export to Excel. */
  truncated: z.boolean(),
});
export type LedgerSheet = z.infer<typeof LedgerSheet>;
/** The most rows one printed ledger holds; more is a job for the .xlsx export. */
export const LEDGER_PRINT_LIMIT = 2000;

export const DispatchUnitsQuery = z.strictObject({
  /** The case to dispatch: adds the 街道 it lies in and that 街道's communities (二级派遣). */
  caseId: z.uuid().optional(),
});

export const DuplicatesQuery = z.strictObject({
  categoryCode: z.string().regex(/^\d{4}$/),
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: Crs.optional(),
});

/**
 * How the indicators pick their cases (口径). 'standard' is GB/T 30428.4 as cities publish it: each
 * count by the date its event falls on — 应结案数 the cases whose closing fell due in the period
 * (so it can exceed 立案数), 返工率 and 延期率 over 应结案数. 'reported' follows the cases reported in
 * the period, however late their deadline (返工率 over 处置数, 延期率 over 派遣数). Formulas and
 * sources: docs/kpis.md.
 */
export const KPI_BASES = ['standard', 'reported'] as const;
export type KpiBasis = (typeof KPI_BASES)[number];
export const KPI_BASIS_NAMES: Record<KpiBasis, string> = {
  standard: '国标口径（按应结案时间）',
  reported: '按上报时间',
};
/** Whose cases: those lying in the unit's area (its grids), or those dispatched to the unit and its sub-units. */
export const KPI_VIEWS = ['area', 'handler'] as const;
export type KpiView = (typeof KPI_VIEWS)[number];
export const KPI_VIEW_NAMES: Record<KpiView, string> = {
  area: '按辖区（问题发生地）',
  handler: '按处置单位',
};

export const KpisQuery = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Default 'standard'. */
  basis: z.enum(KPI_BASES).optional(),
  /** Default: 'handler' for departments and outside units, 'area' for every other unit. */
  view: z.enum(KPI_VIEWS).optional(),
});

export const UpdateCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  timeLimit: z
    .strictObject({ value: z.number().int().min(1).max(8760), unit: z.enum(['hours', 'days']) })
    .nullable()
    .optional(),
  defaultUnitId: z.uuid().nullable().optional(),
  duplicateRadiusM: z.number().int().min(10).max(5000).optional(),
  active: z.boolean().optional(),
});

// ---- replies (what the console reads) ----

const TimeLimit = z.object({ value: z.number().int(), unit: z.enum(['hours', 'days']) });

export const CaseCategory = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  level: z.number().int(),
  /** 'national' (GB/T 30428.2) or a local category. */
  source: z.string(),
  timeLimit: TimeLimit.nullable(),
  defaultUnitId: z.string().nullable(),
  defaultUnitName: z.string().nullable(),
  duplicateRadiusM: z.number(),
  active: z.boolean(),
});
export type CaseCategory = z.infer<typeof CaseCategory>;
export const CaseCategoryList = z.object({ items: z.array(CaseCategory) });
export type CaseCategoryList = z.infer<typeof CaseCategoryList>;

export const CaseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  /** WGS-84; null when reported without a location. */
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  address: z.string().nullable(),
  /** Located in no grid (kept, flagged for the district). */
  outOfGrid: z.boolean(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  communityName: z.string().nullable(),
  subdistrictName: z.string().nullable(),
  source: CaseSource,
  status: CaseStatus,
  statusName: z.string(),
  fixedOnSpot: z.boolean(),
  assignedUnitId: z.string().nullable(),
  assignedUnitName: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineStatus: DeadlineStatus,
  escalationLevel: z.number().int(),
  reworkCount: z.number().int(),
  urgeCount: z.number().int(),
  superviseCount: z.number().int(),
  extensionCount: z.number().int(),
  /** The extension asked for and not yet decided. */
  pendingExtension: TimeLimit.extend({ reason: z.string() }).nullable(),
  /** The case this duplicate was merged into. */
  mergedInto: z.string().nullable(),
  reportedAt: z.string(),
  closedAt: z.string().nullable(),
  reconciledAt: z.string().nullable(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CasePage = z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() });
export type CasePage = z.infer<typeof CasePage>;

const CaseFile = z.object({
  fileId: z.string(),
  role: z.enum(['before', 'after', 'evidence']).nullable(),
  url: z.string(),
  thumbnailUrl: z.string(),
});

export const CaseDetail = CaseSummary.extend({
  rejectionReason: z.string().nullable(),
  /** How many accounts reported the problem (merging keeps them all). */
  reporters: z.number().int(),
  photos: z.array(CaseFile),
  /** The timeline, oldest first. */
  actions: z.array(
    z.object({
      seq: z.number().int(),
      type: CaseActionType,
      typeName: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      unitName: z.string().nullable(),
      comment: z.string().nullable(),
      attachments: z.array(CaseFile),
      /** Per type, as in CaseActionBody.payload. */
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  /** What the caller may do now. */
  allowedActions: z.array(CaseActionType),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseDuplicates = z.object({
  radiusM: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      description: z.string(),
      distanceM: z.number(),
      status: CaseStatus,
      reportedAt: z.string(),
    }),
  ),
});
export type CaseDuplicates = z.infer<typeof CaseDuplicates>;

const rate = z.number().nullable();
export const CaseKpis = z.object({
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  basis: z.enum(KPI_BASES),
  view: z.enum(KPI_VIEWS),
  counts: z.object({
    /** 受理数: cases reported (including those later rejected or merged). */
    reported: z.number(),
    /** 立案数: cases accepted (立案), never the untriaged problem list. */
    accepted: z.number(),
    rejected: z.number(),
    merged: z.number(),
    /** 派遣数 */
    dispatched: z.number(),
    dueToClose: z.number(),
    closed: z.number(),
    closedOnTime: z.number(),
    dueToHandle: z.number(),
    handled: z.number(),
    handledOnTime: z.number(),
    reworked: z.number(),
    extended: z.number(),
    overdueOpen: z.number(),
    handlingMillis: z.number(),
    handlingSamples: z.number(),
    closingMillis: z.number(),
    closingSamples: z.number(),
  }),
  /** Rates are null when their denominator is 0 (formulas in docs/kpis.md). */
  closeRate: rate,
  onTimeCloseRate: rate,
  handleRate: rate,
  onTimeHandleRate: rate,
  reworkRate: rate,
  extensionRate: rate,
  avgHandlingHours: rate,
  avgClosingHours: rate,
});
export type CaseKpis = z.infer<typeof CaseKpis>;

export const KpisByCategoryQuery = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Default 'standard'. */
  basis: z.enum(KPI_BASES).optional(),
});

/** The indicators of a unit's area, one row per 大类 (first two digits of the category code). */
export const CaseKpisByCategory = z.object({
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  basis: z.enum(KPI_BASES),
  items: z.array(
    CaseKpis.omit({ unitId: true, unitName: true, from: true, to: true, asOf: true, basis: true, view: true }).extend({
      categoryCode: z.string(),
      categoryName: z.string(),
    }),
  ),
});
export type CaseKpisByCategory = z.infer<typeof CaseKpisByCategory>;
/** The most points one /cases/points answer holds (~60 bytes each as JSON): narrow the filters beyond it. */
export const CASE_POINTS_LIMIT = 20_000;

/** The open cases as points on a map (态势地图), filtered like the ledger. */
export const CasePointsQuery = z.strictObject({
  unitId: z.uuid().optional(),
  /** Among the open statuses only (a closed status answers no points). */
  status: list(CaseStatus).optional(),
  /** 大类 (2 digits) or 小类 (4 digits). */
  categoryCode: z
    .string()
    .regex(/^\d{2}(\d{2})?$/)
    .optional(),
  deadlineStatus: list(DeadlineStatus).optional(),
  source: z.string().max(20).optional(),
});
export type CasePointsQuery = z.infer<typeof CasePointsQuery>;

/** One open case as a compact row: [id, lng, lat, status, deadlineStatus, categoryCode] (WGS-84). */
export const CasePoint = z.tuple([z.string(), z.number(), z.number(), CaseStatus, DeadlineStatus, z.string()]);
export type CasePoint = z.infer<typeof CasePoint>;

export const CasePoints = z.object({
  items: z.array(CasePoint),
  /** More open cases matched than CASE_POINTS_LIMIT: the first ones by id are given. */
  truncated: z.boolean(),
});
export type CasePoints = z.infer<typeof CasePoints>;

/** The day's flows by hour (the wall display): a local date, today by default. */
export const CaseFlowsQuery = z.strictObject({ date: z.iso.date().optional(), unitId: z.uuid().optional() });
export type CaseFlowsQuery = z.infer<typeof CaseFlowsQuery>;

export const CaseFlows = z.object({
  date: z.string(),
  /** 24 local hours, 0–23: cases reported (by their report time) and closed (by their closing) in the hour. */
  hours: z.array(z.object({ hour: z.number().int(), reported: z.number().int(), closed: z.number().int() })),
});
export type CaseFlows = z.infer<typeof CaseFlows>;
