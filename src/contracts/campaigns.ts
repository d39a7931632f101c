import { z } from 'zod';

// Shapes of the campaigns and work-indicators API (SPEC §4, issue 13 items 4–6): 集中整治 / 专项行动 with
// their participating and 包联 units, linked ledger cases and measured quantities; 工作量指标 entered
// or computed from records, summed by unit and period; targets (目标) with on-track / behind; and the
// 工作成效 sentence. Shared by the server (validation, OpenAPI) and the console. Times are ISO UTC;
// days are Asia/Shanghai calendar dates (YYYY-MM-DD), months YYYY-MM.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const optionalText = (max: number) => z.string().trim().max(max, `最长 ${max} 个字符`).nullable().optional();
const categoryCode = z.string().regex(/^\d{2,4}$/, '问题类别编码为 2 或 4 位数字');

/** The units of measure an indicator may count in (a fixed list: a new one is a line here). */
export const MEASURE_UNITS = [
  '个',
  '处',
  '份',
  '张',
  '米',
  '平方米',
  '立方米',
  '人次',
  '场',
  '根',
  '户',
  '人',
  '次',
  '件',
  '公里',
  '亩',
  '%',
] as const;
export const MeasureUnit = z.enum(MEASURE_UNITS);
export type MeasureUnit = z.infer<typeof MeasureUnit>;

/** Entered per event or day by the people doing the work, or computed from other modules' records. */
export const INDICATOR_KINDS = ['entered', 'computed'] as const;
export const IndicatorKind = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof IndicatorKind>;
export const INDICATOR_KIND_NAMES: Record<IndicatorKind, string> = { entered: '录入', computed: '系统统计' };

export const IndicatorBody = z
  .strictObject({
    name: text(40),
    measureUnit: MeasureUnit,
    kind: IndicatorKind,
    /** For a computed indicator: the figure source's code (GET /api/v1/indicators/sources). */
    source: z.string().max(60).nullable().optional(),
    /** For a computed indicator whose source honours it: only records of these ledger categories (prefix). */
    categories: z.array(categoryCode).max(20).optional(),
    /** The 工作成效 sentence's verb phrase, e.g. 完成问题整改 → "完成问题整改39个"; none keeps it out. */
    phrase: optionalText(30),
    sortOrder: z.number().int().min(0).max(9999).optional(),
  })
  .describe('A work indicator (工作量指标) of the district');
export type IndicatorBody = z.infer<typeof IndicatorBody>;

export const Indicator = z.object({
  id: z.string(),
  name: z.string(),
  measureUnit: z.string(),
  kind: IndicatorKind,
  source: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  categories: z.array(z.string()),
  phrase: z.string().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });
export const FigureSourceList = z.object({
  items: z.array(z.object({ code: z.string(), label: z.string(), drillDown: z.boolean() })),
});

export const EntryBody = z
  .strictObject({
    indicatorId: z.uuid(),
    /** Where the work was done; the caller's own unit when left out. Must lie in the caller's scope. */
    unitId: z.uuid().optional(),
    /** The day of the work; today when left out. */
    day: day.optional(),
    /** Must be > 0. */
    quantity: z.number().finite(),
    /** The unit of measure as the person counted it: must be the indicator's. */
    measureUnit: z.string().max(10),
    campaignId: z.uuid().nullable().optional(),
    note: optionalText(200),
  })
  .describe('One entry of an entered indicator: a quantity counted at a unit on a day');
export type EntryBody = z.infer<typeof EntryBody>;

export const Entry = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicatorName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  day: z.string(),
  quantity: z.number(),
  measureUnit: z.string(),
  campaignId: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type Entry = z.infer<typeof Entry>;
export const EntryList = z.object({ items: z.array(Entry), total: z.number() });
export const EntryListQuery = z.strictObject({
  indicatorId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
});

/** A unit × month table of one indicator: the rows are the unit's children, then the unit's total. */
export const SumsQuery = z.strictObject({ unitId: z.uuid().optional(), from: month, to: month });
export const SumsTable = z.object({
  indicator: Indicator,
  months: z.array(z.string()),
  rows: z.array(z.object({ unitId: z.string(), unitName: z.string(), values: z.array(z.number()), total: z.number() })),
  total: z.object({ unitId: z.string(), unitName: z.string(), values: z.array(z.number()), total: z.number() }),
});
export type SumsTable = z.infer<typeof SumsTable>;

/** A record behind a figure: an entry, a case or a campaign. */
export const FigureRecord = z.object({
  kind: z.enum(['entry', 'case', 'campaign', 'record']),
  id: z.string(),
  label: z.string(),
  day: z.string(),
  quantity: z.number(),
});
export const PeriodQuery = z.strictObject({ unitId: z.uuid().optional(), from: day, to: day });
export const RecordList = z.object({ items: z.array(FigureRecord), total: z.number(), truncated: z.boolean() });

export const Achievement = z.object({
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  figures: z.array(
    z.object({
      indicatorId: z.string(),
      name: z.string(),
      phrase: z.string(),
      measureUnit: z.string(),
      kind: IndicatorKind,
      value: z.number(),
    }),
  ),
  sentence: z.string(),
});
export type Achievement = z.infer<typeof Achievement>;

/** Campaigns */
export const CAMPAIGN_KINDS = ['concentrated', 'special'] as const;
export const CampaignKind = z.enum(CAMPAIGN_KINDS);
export type CampaignKind = z.infer<typeof CampaignKind>;
export const CAMPAIGN_KIND_NAMES: Record<CampaignKind, string> = { concentrated: '集中整治', special: '专项行动' };
export const CAMPAIGN_UNIT_ROLES = ['participant', 'paired'] as const;
export const CampaignUnitRole = z.enum(CAMPAIGN_UNIT_ROLES);
export type CampaignUnitRole = z.infer<typeof CampaignUnitRole>;
export const CAMPAIGN_UNIT_ROLE_NAMES: Record<CampaignUnitRole, string> = {
  participant: '参与单位',
  paired: '包联单位',
};

export const CampaignBody = z
  .strictObject({
    title: text(60),
    kind: CampaignKind,
    scopeUnitId: z.uuid(),
    startDay: day,
    endDay: day,
    units: z
      .array(z.strictObject({ unitId: z.uuid(), role: CampaignUnitRole }))
      .max(50)
      .default([]),
    volunteerCount: z.number().int().min(0).max(100000).default(0),
    volunteerNames: z.array(text(30)).max(200).default([]),
    categories: z.array(categoryCode).max(20).default([]),
    note: optionalText(500),
  })
  .describe('A concentrated campaign (集中整治) or special action (专项行动)');
export type CampaignBody = z.input<typeof CampaignBody>;

export const CampaignSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: CampaignKind,
  scopeUnitId: z.string(),
  scopeUnitName: z.string(),
  startDay: z.string(),
  endDay: z.string(),
  categories: z.array(z.string()),
  volunteerCount: z.number(),
  caseCount: z.number(),
});
export const CampaignList = z.object({ items: z.array(CampaignSummary) });
/** The list narrowed to a unit's subtree (the campaign's scope unit in it) and to campaigns starting in the days. */
export const CampaignListQuery = z
  .strictObject({ unitId: z.uuid().optional(), from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;
export const CampaignDetail = CampaignSummary.extend({
  note: z.string().nullable(),
  volunteerNames: z.array(z.string()),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: CampaignUnitRole })),
  cases: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      categoryCode: z.string(),
      description: z.string(),
      status: z.string(),
      closed: z.boolean(),
      linkedAt: z.string(),
    }),
  ),
  quantities: z.array(
    z.object({
      indicatorId: z.string(),
      name: z.string(),
      measureUnit: z.string(),
      total: z.number(),
      entries: z.number(),
    }),
  ),
  canManage: z.boolean(),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;
export const LinkCaseBody = z.strictObject({ caseId: z.uuid() });

/** Targets */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export const PeriodKind = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKind>;
/** A period's id: 2026-12 (month), 2026-Q4 (quarter), 2026 (year). */
export const PeriodId = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '期间格式为 2026、2026-Q4 或 2026-12');
export const TARGET_KINDS = ['at_least', 'above_references'] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;
export const TARGET_STATUSES = ['met', 'on_track', 'behind', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_NAMES: Record<TargetStatus, string> = {
  met: '已完成',
  on_track: '进度正常',
  behind: '进度滞后',
  no_data: '未填报',
};

export const TargetBody = z
  .strictObject({
    indicatorId: z.uuid(),
    unitId: z.uuid(),
    period: PeriodId,
    kind: TargetKind,
    /** at_least: the quantity to reach by the period's end. */
    value: z.number().finite().min(0).nullable().optional(),
    /** above_references: the values the actual must exceed (e.g. 全省 6.5, 全市 6.8 for "两个高于"). */
    references: z
      .array(z.strictObject({ label: text(20), value: z.number().finite() }))
      .max(5)
      .default([]),
    /** An actual entered directly (e.g. 农村居民人均可支配收入增速); otherwise the indicator's sum. */
    actual: z.number().finite().nullable().optional(),
  })
  .describe('A target of an indicator for a unit and period');
export type TargetBody = z.input<typeof TargetBody>;

export const Target = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicatorName: z.string(),
  measureUnit: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  kind: TargetKind,
  value: z.number().nullable(),
  references: z.array(z.object({ label: z.string(), value: z.number() })),
  actual: z.number().nullable(),
  actualEntered: z.boolean(),
  expected: z.number().nullable(),
  elapsed: z.number(),
  status: z.enum(TARGET_STATUSES),
});
export type Target = z.infer<typeof Target>;
export const TargetList = z.object({ items: z.array(Target) });
export const TargetListQuery = z.strictObject({ unitId: z.uuid().optional(), period: PeriodId.optional() });
