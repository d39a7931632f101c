import { z } from 'zod';
import { GridRef, PointBody } from './population.js';

// Shapes of the 排查名单 and 24小时协查 API (SPEC §6, issue 12 items 4 and 7): list campaigns with their
// own fields, entries (one per ID number per campaign, every reporting unit shown), 协查 items pushed
// down from above and answered within 24 hours, and the signed record a purge leaves. Times are ISO
// UTC; days are Asia/Shanghai calendar dates (YYYY-MM-DD).

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const optionalText = (max: number) => z.string().trim().max(max, `最长 ${max} 个字符`).nullable().optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** 进行中 / 已结束 / 已清除. */
export const CAMPAIGN_STATUSES = ['open', 'closed', 'purged'] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;
export const CAMPAIGN_STATUS_NAMES: Record<CampaignStatus, string> = {
  open: '进行中',
  closed: '已结束',
  purged: '已清除',
};

/** Where an entry came from: 网格排查 / 敲门发现 / 上级下发. */
export const ENTRY_SOURCES = ['grid', 'door', 'pushed'] as const;
export const EntrySource = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof EntrySource>;
export const ENTRY_SOURCE_NAMES: Record<EntrySource, string> = {
  grid: '网格排查',
  door: '敲门发现',
  pushed: '上级下发',
};

/** A 协查 item's state: waiting, or the community's answer. */
export const CHECK_STATUSES = ['pending', 'found', 'not_found', 'not_in_district', 'moved_on'] as const;
export const CheckStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatus>;
export const CHECK_STATUS_NAMES: Record<CheckStatus, string> = {
  pending: '待核查',
  found: '已找到',
  not_found: '未找到',
  not_in_district: '不在本区',
  moved_on: '已离开',
};
export const CHECK_ANSWERS = ['found', 'not_found', 'not_in_district', 'moved_on'] as const;
export const CheckAnswer = z.enum(CHECK_ANSWERS);

/** How a pushed-down item found its owner. */
export const ROUTED_BY = ['household', 'column', 'scope', 'manual'] as const;
export const ROUTED_BY_NAMES: Record<(typeof ROUTED_BY)[number], string> = {
  household: '按住户所在社区',
  column: '按表中社区',
  scope: '待分派',
  manual: '人工分派',
};

export const FIELD_TYPES = ['text', 'date', 'choice'] as const;
export const FIELD_TYPE_NAMES: Record<(typeof FIELD_TYPES)[number], string> = {
  text: '文本',
  date: '日期',
  choice: '选项',
};

/** One field of a campaign (来源地, 到达日期, 交通方式 …). */
export const FieldDef = z.strictObject({
  /** Stable key of the value, letters and digits (e.g. origin, arrivalDate). */
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,29}$/, '字段标识须以字母开头，仅含字母、数字和下划线'),
  label: text(20),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  choices: z.array(text(20)).max(30).optional(),
});
export type FieldDef = z.infer<typeof FieldDef>;

export const CampaignBody = z.strictObject({
  name: text(100),
  /** The unit (district, sub-district or community) whose people the list covers; in the caller's scope. */
  scopeUnitId: z.uuid('请选择范围'),
  startsOn: day,
  endsOn: day,
  fields: z.array(FieldDef).max(20),
});
export type CampaignBody = z.infer<typeof CampaignBody>;

export const UnitName = z.object({ id: z.string(), name: z.string() });

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  scopeUnit: UnitName,
  startsOn: z.string(),
  endsOn: z.string(),
  fields: z.array(FieldDef),
  status: CampaignStatus,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  purgedAt: z.string().nullable(),
  /** In the caller's scope (before a purge; after it, the record's counts). */
  counts: z.object({ entries: z.number(), checks: z.number(), checksPending: z.number(), checksOverdue: z.number() }),
  /** Whether the caller may close, push down lists and purge. */
  canManage: z.boolean(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignList = z.object({ items: z.array(Campaign) });

export const EntryBody = z.strictObject({
  name: text(50),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(30),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '请填写正确的电话号码')
    .nullable()
    .optional(),
  address: optionalText(200),
  /** A small grid in scope; without it the point is located, or the person's household grid is used. */
  gridId: z.uuid('请选择网格').nullable().optional(),
  location: PointBody.nullable().optional(),
  source: z.enum(['grid', 'door']).default('grid'),
  /** The campaign's field values by key. */
  values: z.record(z.string(), z.string().max(500)).default({}),
});
export type EntryBody = z.input<typeof EntryBody>;

export const Entry = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  /** Masked unless revealed. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  grid: GridRef,
  values: z.record(z.string(), z.string()),
  source: EntrySource,
  /** Every unit that reported the person, first first. */
  units: z.array(UnitName.extend({ source: EntrySource, reportedAt: z.string() })),
  residentId: z.string().nullable(),
  createdAt: z.string(),
  revealed: z.boolean(),
});
export type Entry = z.infer<typeof Entry>;
/** The entry the report went to: a new one, or (`attached`) the one already holding the ID number. */
export const EntryAdded = z.object({ entry: Entry, attached: z.boolean() });

export const EntryListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  source: EntrySource.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type EntryListQuery = z.output<typeof EntryListQuery>;
export const EntryPage = z.object({ items: z.array(Entry), total: z.number() });

/**
 * The people newly listed in an area over days, any campaign (GET /screening-entries): the list
 * behind the dashboard's 排查人数 of an area and period.
 */
export const ListedEntriesQuery = z
  .strictObject({
    /** An area in scope (default the caller's): entries placed on its grids. */
    unitId: z.uuid().optional(),
    from: day,
    to: day,
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type ListedEntriesQuery = z.infer<typeof ListedEntriesQuery>;
export const ListedEntryPage = z.object({
  /** People, by distinct ID number (the dashboard's 排查人数). */
  people: z.number().int(),
  /** Entries (a person on two lists is two). */
  total: z.number().int(),
  /** The newest entries, at most 500, masked. */
  items: z.array(Entry),
});
export type ListedEntryPage = z.infer<typeof ListedEntryPage>;

/** Unmasking an entry is audited with its reason (个人信息保护法). */
export const RevealQuery = z.strictObject({ reason: text(200) });

export const Check = z.object({
  id: z.string(),
  campaignId: z.string(),
  batchName: z.string(),
  rowNumber: z.number(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  remark: z.string().nullable(),
  owner: UnitName,
  routedBy: z.enum(ROUTED_BY),
  pushedAt: z.string(),
  dueAt: z.string(),
  status: CheckStatus,
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  entryId: z.string().nullable(),
  /** 已超时: unanswered past due, or answered after it. */
  overdue: z.boolean(),
  /** Minutes until due (negative once late); null once answered. */
  minutesLeft: z.number().nullable(),
  /** 0 nobody told, 1 the sub-district told, 2 the district told. */
  escalation: z.number(),
});
export type Check = z.infer<typeof Check>;

export const CheckListQuery = z.strictObject({
  status: CheckStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unitId: z.uuid().optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type CheckListQuery = z.output<typeof CheckListQuery>;
export const CheckPage = z.object({ items: z.array(Check), total: z.number() });

export const AnswerBody = z.strictObject({
  status: CheckAnswer,
  note: optionalText(500),
  /** For 已找到 of a person not on record in the district: the grid (or point) they were found in. */
  gridId: z.uuid('请选择网格').nullable().optional(),
  location: PointBody.nullable().optional(),
  address: optionalText(200),
  /** For 已找到: the campaign's field values of the entry it becomes. */
  values: z.record(z.string(), z.string().max(500)).default({}),
});
export type AnswerBody = z.input<typeof AnswerBody>;

export const ImportQuery = z.strictObject({ batchName: z.string().trim().max(100).optional() });

export const RerouteBody = z.strictObject({ unitId: z.uuid('请选择社区') });

export const ChecksImported = z.object({
  batchId: z.string(),
  count: z.number(),
  routed: z.object({ household: z.number(), column: z.number(), scope: z.number() }),
});

export const PurgeBody = z.strictObject({
  /** The campaign's name typed again, as a guard against a purge by mistake. */
  confirmName: text(100),
});

export const PurgeRecord = z.object({
  version: z.literal(1),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    scopeUnit: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  purgedAt: z.string(),
  purgedBy: z.object({ id: z.string(), name: z.string() }),
  purged: z.object({ entries: z.number(), reports: z.number(), checks: z.number(), fields: z.array(z.string()) }),
  counts: z.object({
    entriesByCommunity: z.record(z.string(), z.number()),
    entriesBySource: z.record(z.string(), z.number()),
    checksByStatus: z.record(z.string(), z.number()),
    checksOverdue: z.number(),
  }),
});
/** The record as stored (its exact bytes), parsed, its signature, and whether the signature checks. */
export const PurgeRecordView = z.object({
  record: PurgeRecord,
  recordJson: z.string(),
  signature: z.string(),
  algorithm: z.literal('HMAC-SHA256'),
  verified: z.boolean(),
});
