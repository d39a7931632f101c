import { z } from 'zod';

// Shapes of the people-and-places API (SPEC §6, GB/T 34300's 人 and 地): buildings, households and
// residents placed on the grid, and door-knocking rounds (敲门行动) with their visits and coverage.
// Shared by the server (validation, OpenAPI) and the console. Times are ISO UTC; days are Asia/Shanghai
// calendar dates (YYYY-MM-DD).

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const optionalText = (max: number) => z.string().trim().max(max, `最长 ${max} 个字符`).nullable().optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const Crs = z.enum(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);

/** A map pick or GPS fix; GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are converted to WGS-84. */
export const PointBody = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: Crs.optional(),
});
export type PointBody = z.infer<typeof PointBody>;

/** 户籍 / 常住 / 流动. */
export const RESIDENCE_KINDS = ['registered', 'resident', 'floating'] as const;
export const ResidenceKind = z.enum(RESIDENCE_KINDS);
export type ResidenceKind = z.infer<typeof ResidenceKind>;
export const RESIDENCE_KIND_NAMES: Record<ResidenceKind, string> = {
  registered: '户籍人口',
  resident: '常住人口',
  floating: '流动人口',
};

/** 与户主关系. */
export const HOUSEHOLD_RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export const HouseholdRelation = z.enum(HOUSEHOLD_RELATIONS);
export type HouseholdRelation = z.infer<typeof HouseholdRelation>;
export const HOUSEHOLD_RELATION_NAMES: Record<HouseholdRelation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙辈',
  sibling: '兄弟姐妹',
  other: '其他',
};

/** 在册 / 已迁出 / 已故. */
export const RESIDENT_STATUSES = ['active', 'left', 'deceased'] as const;
export const ResidentStatus = z.enum(RESIDENT_STATUSES);
export type ResidentStatus = z.infer<typeof ResidentStatus>;
export const RESIDENT_STATUS_NAMES: Record<ResidentStatus, string> = {
  active: '在册',
  left: '已迁出',
  deceased: '已故',
};

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;
export const SEX_NAMES: Record<Sex, string> = { male: '男', female: '女' };

// ---------------------------------------------------------------------------------------------
// Places: buildings (楼栋) and households (户), each on one small grid.

/**
 * Where a place lies: a point located into the smallest grid, or a grid chosen by hand (a grid
 * worker registering in their own grid). At least one; with both, the grid must contain the point.
 */
const placement = {
  gridId: z.uuid().optional(),
  location: PointBody.nullable().optional(),
};

export const BuildingBody = z.strictObject({
  /** e.g. 金海路12号院3号楼. */
  name: text(100),
  address: optionalText(200),
  ...placement,
});
export type BuildingBody = z.infer<typeof BuildingBody>;

export const GridRef = z.object({
  id: z.string(),
  name: z.string(),
  /** The community (社区/行政村) the grid belongs to; null for a grid outside any. */
  communityName: z.string().nullable(),
});
export type GridRef = z.infer<typeof GridRef>;

export const Building = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  grid: GridRef,
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  households: z.number().int(),
  updatedAt: z.string(),
});
export type Building = z.infer<typeof Building>;

export const BuildingList = z.object({ items: z.array(Building) });
export type BuildingList = z.infer<typeof BuildingList>;

export const BuildingListQuery = z.strictObject({
  /** A small grid, or any unit whose subtree to list (default: the actor's scope). */
  unitId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type BuildingListQuery = z.infer<typeof BuildingListQuery>;

export const HouseholdBody = z.strictObject({
  /** 门牌: the address as written on the door (e.g. 金海路12号院3号楼2单元301). */
  address: text(200),
  buildingId: z.uuid().nullable().optional(),
  note: optionalText(500),
  ...placement,
});
export type HouseholdBody = z.infer<typeof HouseholdBody>;

export const HouseholdPatch = z.strictObject({
  address: text(200).optional(),
  buildingId: z.uuid().nullable().optional(),
  note: optionalText(500),
  ...placement,
});
export type HouseholdPatch = z.infer<typeof HouseholdPatch>;

export const HouseholdSummary = z.object({
  id: z.string(),
  address: z.string(),
  building: z.object({ id: z.string(), name: z.string() }).nullable(),
  grid: GridRef,
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  /** The head's name (户主), or null when none is recorded. */
  headName: z.string().nullable(),
  /** Residents living here now. */
  members: z.number().int(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdPage = z.object({ items: z.array(HouseholdSummary), nextCursor: z.string().nullable() });
export type HouseholdPage = z.infer<typeof HouseholdPage>;

export const HouseholdListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  /** Address, building or a member's name. */
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

// ---------------------------------------------------------------------------------------------
// Residents (人): one record per person across the district, keyed by the GB 11643 ID number.

/** A resident's tag (留守老人, 残疾人, 低保 …): configurable per district; codes stay stable. */
export const ResidentTag = z.object({
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type ResidentTag = z.infer<typeof ResidentTag>;
export const ResidentTagList = z.object({ items: z.array(ResidentTag) });
export type ResidentTagList = z.infer<typeof ResidentTagList>;

export const ResidentTagBody = z.strictObject({
  name: text(20),
  active: z.boolean().optional(),
});
export type ResidentTagBody = z.infer<typeof ResidentTagBody>;

export const ResidentBody = z.strictObject({
  name: text(50),
  /** 公民身份号码 (GB 11643-1999): 18 characters, checked; birth date and sex come from it. */
  idNumber: z.string().trim().toUpperCase().nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
    .nullable()
    .optional(),
  /** The household the person lives in; without it, `gridId` places the person. */
  householdId: z.uuid().nullable().optional(),
  gridId: z.uuid().optional(),
  relation: HouseholdRelation.nullable().optional(),
  residenceKind: ResidenceKind,
  tags: z.array(z.string().min(1).max(30)).max(20).optional(),
  note: optionalText(500),
});
export type ResidentBody = z.infer<typeof ResidentBody>;

export const ResidentPatch = z.strictObject({
  name: text(50).optional(),
  phone: ResidentBody.shape.phone,
  relation: HouseholdRelation.nullable().optional(),
  residenceKind: ResidenceKind.optional(),
  tags: ResidentBody.shape.tags,
  status: ResidentStatus.optional(),
  note: optionalText(500),
});
export type ResidentPatch = z.infer<typeof ResidentPatch>;

/** Moving house (搬迁): the old address stays in the history. */
export const ResidentMoveBody = z.strictObject({
  householdId: z.uuid(),
  relation: HouseholdRelation.nullable().optional(),
  reason: optionalText(200),
});
export type ResidentMoveBody = z.infer<typeof ResidentMoveBody>;

export const Resident = z.object({
  id: z.string(),
  name: z.string(),
  /** Masked (410***********1234) unless revealed. */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  /** True when idNumber / phone are masked in this reply. */
  masked: z.boolean(),
  sex: Sex.nullable(),
  birthDate: z.string().nullable(),
  /** Whole years on today's date in Asia/Shanghai. */
  age: z.number().int().nullable(),
  household: z.object({ id: z.string(), address: z.string() }).nullable(),
  relation: HouseholdRelation.nullable(),
  grid: GridRef,
  residenceKind: ResidenceKind,
  tags: z.array(z.string()),
  status: ResidentStatus,
  note: z.string().nullable(),
  /** A merge review waits on this person (a second entry with the same ID number and another name). */
  pendingReview: z.boolean(),
  updatedAt: z.string(),
});
export type Resident = z.infer<typeof Resident>;

export const ResidentPage = z.object({ items: z.array(Resident), nextCursor: z.string().nullable() });
export type ResidentPage = z.infer<typeof ResidentPage>;

export const ResidentListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  /** Name, or the ID number's last digits. */
  q: z.string().trim().min(1).max(50).optional(),
  tag: z.string().min(1).max(30).optional(),
  residenceKind: ResidenceKind.optional(),
  status: ResidentStatus.optional(),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;

/**
 * The residents' .xlsx export: masked unless `reveal=true` by a role that may reveal, with a reason
 * (audited with the filters).
 */
export const ResidentExportQuery = z
  .strictObject({
    unitId: z.uuid().optional(),
    tag: z.string().min(1).max(30).optional(),
    residenceKind: ResidenceKind.optional(),
    status: ResidentStatus.optional(),
    reveal: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .refine((q) => !q.reveal || !!q.reason, { path: ['reason'], message: '导出完整信息须填写事由' });
export type ResidentExportQuery = z.infer<typeof ResidentExportQuery>;

/** Unmasking a record is audited with its reason (个人信息保护法). */
export const RevealQuery = z.strictObject({ reason: text(200) });
export type RevealQuery = z.infer<typeof RevealQuery>;

/**
 * What registering a person did: a new record; merged into the record with the same ID number (same
 * name: the new entry's missing facts filled in); or merged with a review waiting because the names differ.
 */
export const RESIDENT_OUTCOMES = ['created', 'merged', 'review'] as const;
export const ResidentCreated = z.object({
  outcome: z.enum(RESIDENT_OUTCOMES),
  resident: Resident,
  reviewId: z.string().nullable(),
});
export type ResidentCreated = z.infer<typeof ResidentCreated>;

export const ResidentHistoryEntry = z.object({
  at: z.string(),
  /** 'registered' | 'moved' | 'merged' | 'review_decided' | 'status' | 'visit'. */
  kind: z.string(),
  householdAddress: z.string().nullable(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
});
export type ResidentHistoryEntry = z.infer<typeof ResidentHistoryEntry>;
export const ResidentHistory = z.object({ items: z.array(ResidentHistoryEntry) });
export type ResidentHistory = z.infer<typeof ResidentHistory>;

export const MergeReview = z.object({
  id: z.string(),
  residentId: z.string(),
  existingName: z.string(),
  proposedName: z.string(),
  /** Masked like every ID number in a list. */
  idNumber: z.string(),
  grid: GridRef,
  createdAt: z.string(),
  createdByName: z.string(),
  status: z.enum(['pending', 'decided']),
  /** 'existing' or 'proposed': which name the reviewer kept. */
  keptName: z.enum(['existing', 'proposed']).nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type MergeReview = z.infer<typeof MergeReview>;
export const MergeReviewList = z.object({ items: z.array(MergeReview) });
export type MergeReviewList = z.infer<typeof MergeReviewList>;
export const MergeReviewDecision = z.strictObject({ keep: z.enum(['existing', 'proposed']) });
export type MergeReviewDecision = z.infer<typeof MergeReviewDecision>;

// ---------------------------------------------------------------------------------------------
// Door-knocking rounds (敲门行动).

/** 在家已核实 / 不在家 / 空置 / 拒绝 / 其他. */
export const VISIT_RESULTS = ['verified', 'absent', 'vacant', 'refused', 'other'] as const;
export const VisitResult = z.enum(VISIT_RESULTS);
export type VisitResult = z.infer<typeof VisitResult>;
export const VISIT_RESULT_NAMES: Record<VisitResult, string> = {
  verified: '在家已核实',
  absent: '不在家',
  vacant: '空置',
  refused: '拒绝',
  other: '其他',
};

export const RoundBody = z.strictObject({
  name: text(100),
  /** The sub-district, community or grid whose households the round covers. */
  scopeUnitId: z.uuid(),
  startsOn: day,
  endsOn: day,
  note: optionalText(500),
});
export type RoundBody = z.infer<typeof RoundBody>;

export const ROUND_PHASES = ['upcoming', 'open', 'ended'] as const;
export const RoundPhase = z.enum(ROUND_PHASES);
export type RoundPhase = z.infer<typeof RoundPhase>;
export const ROUND_PHASE_NAMES: Record<RoundPhase, string> = { upcoming: '未开始', open: '进行中', ended: '已结束' };

export const Coverage = z.object({
  /** Households in scope now. */
  households: z.number().int(),
  /** Households with at least one visit in the round (入户走访). */
  visited: z.number().int(),
  /** Households whose latest visit found them in and checked (在家已核实). */
  verified: z.number().int(),
  /** Visited, but only ever found nobody in (不在家): to visit again. */
  absentOnly: z.number().int(),
  /** visited ÷ households, null when the scope has no household. */
  rate: z.number().nullable(),
});
export type Coverage = z.infer<typeof Coverage>;

export const Round = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: RoundPhase,
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  /** Coverage within the reader's own scope. */
  coverage: Coverage,
});
export type Round = z.infer<typeof Round>;
export const RoundList = z.object({ items: z.array(Round) });
export type RoundList = z.infer<typeof RoundList>;

/** A person met at the door who is not yet on record (新增人员). */
export const NewResidentAtDoor = ResidentBody.omit({ householdId: true, gridId: true });
export type NewResidentAtDoor = z.infer<typeof NewResidentAtDoor>;

export const VisitBody = z.strictObject({
  householdId: z.uuid(),
  result: VisitResult,
  /** Residents of the household found at home. */
  presentResidentIds: z.array(z.uuid()).max(50).optional(),
  /** People found living here who are not on record: registered (or merged by ID number) with the visit. */
  newResidents: z.array(NewResidentAtDoor).max(20).optional(),
  /** Residents who no longer live here (moved out): marked 已迁出 with the visit. */
  goneResidentIds: z.array(z.uuid()).max(50).optional(),
  note: optionalText(500),
  photoIds: z.array(z.uuid()).max(9).optional(),
  /** When the visit happened (a phone sending later from its outbox); default now. Not in the future, not before the round. */
  visitedAt: z.iso.datetime().optional(),
});
export type VisitBody = z.infer<typeof VisitBody>;

export const Visit = z.object({
  id: z.string(),
  roundId: z.string(),
  household: z.object({ id: z.string(), address: z.string() }),
  grid: GridRef,
  result: VisitResult,
  visitedAt: z.string(),
  visitorName: z.string(),
  presentCount: z.number().int(),
  addedNames: z.array(z.string()),
  goneNames: z.array(z.string()),
  note: z.string().nullable(),
  photoIds: z.array(z.string()),
});
export type Visit = z.infer<typeof Visit>;
export const VisitList = z.object({ items: z.array(Visit) });
export type VisitList = z.infer<typeof VisitList>;

/** A row of the coverage table: one child unit of the asked unit (grids at the bottom). */
export const CoverageRow = Coverage.extend({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;
export const CoverageReport = z.object({
  round: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  total: Coverage,
  rows: z.array(CoverageRow),
});
export type CoverageReport = z.infer<typeof CoverageReport>;
/**
 * The households door-knocked in a period, any round (GET /door-knock-households): the list behind
 * the dashboard's 敲门入户数 (any result) and 在家已核实户数 (result=verified) of an area.
 */
export const KnockedHouseholdsQuery = z
  .strictObject({
    /** An area in scope (default the caller's): households knocked on its grids. */
    unitId: z.uuid().optional(),
    from: day,
    to: day,
    /** Only households with a visit of this result in the period. */
    result: VisitResult.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type KnockedHouseholdsQuery = z.infer<typeof KnockedHouseholdsQuery>;
export const KnockedHousehold = z.object({
  id: z.string(),
  address: z.string(),
  grid: GridRef,
  /** Visits in the period (any round, any result). */
  visits: z.number().int(),
  lastVisitedAt: z.string(),
  lastResult: VisitResult,
  lastVisitorName: z.string(),
});
export const KnockedHouseholdPage = z.object({
  /** Every household counted (the dashboard's number). */
  total: z.number().int(),
  /** The most recently knocked, at most 500. */
  items: z.array(KnockedHousehold),
});
export type KnockedHouseholdPage = z.infer<typeof KnockedHouseholdPage>;

export const CoverageQuery = z.strictObject({ unitId: z.uuid().optional() });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

/** The phone's list: a grid's households with their state in the round (the 敲门 page). */
export const RoundHousehold = z.object({
  id: z.string(),
  address: z.string(),
  buildingName: z.string().nullable(),
  headName: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string(), relation: HouseholdRelation.nullable() })),
  /** The latest visit's result in this round; null when not yet visited. */
  lastResult: VisitResult.nullable(),
  lastVisitedAt: z.string().nullable(),
  visits: z.number().int(),
});
export type RoundHousehold = z.infer<typeof RoundHousehold>;
export const RoundHouseholdList = z.object({
  grid: GridRef,
  items: z.array(RoundHousehold),
  /** With `limit`: the cursor of the next page, null on the last; without `limit` always null (all doors). */
  nextCursor: z.string().nullable(),
});
export type RoundHouseholdList = z.infer<typeof RoundHouseholdList>;
export const RoundHouseholdQuery = z.strictObject({
  /** Default: the actor's own grid (a grid worker). */
  gridId: z.uuid().optional(),
  /** Only households not yet visited (走访缺口). */
  gaps: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** A page of this many doors (in door order) instead of the whole grid; then `cursor` for the next. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().min(1).max(300).optional(),
});
export type RoundHouseholdQuery = z.infer<typeof RoundHouseholdQuery>;

/** What a 居民台账 import wrote: households made, people registered, merged by ID number, held for review. */
export const ResidentsImported = z.object({
  households: z.number().int(),
  residents: z.number().int(),
  merged: z.number().int(),
  reviews: z.number().int(),
});
export type ResidentsImported = z.infer<typeof ResidentsImported>;
