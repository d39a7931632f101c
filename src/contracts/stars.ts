import { z } from 'zod';

// Shapes of the "五星"支部 API (SPEC §9, issue 14): the star sets with their indicators, shared by the
// server (validation, OpenAPI) and the console. A branch (党支部) is an org unit of kind party_branch;
// it is rated on the set of its community's kind (village → 行政村 set, community → 城市社区 set).
// Quarters are 'YYYY-Qn' in the district's zone; days are YYYY-MM-DD; times ISO UTC.

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const key = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, '编码为 2–32 位小写字母、数字或下划线，以字母开头');

export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式为 YYYY-Qn，如 2026-Q4');
export type Quarter = z.infer<typeof quarter>;

/** Which set a branch is rated on: the kind of the community or village it belongs to. */
export const BRANCH_KINDS = ['village', 'urban'] as const;
export const BranchKind = z.enum(BRANCH_KINDS);
export type BranchKind = z.infer<typeof BranchKind>;
export const BRANCH_KIND_LABELS: Record<BranchKind, string> = { village: '行政村', urban: '城市社区' };

/**
 * computed: read from the records the platform already keeps (a rate another module publishes, e.g.
 * the ledger's 结案率 in the branch's community for the quarter); scored: given by the rating panel.
 */
export const INDICATOR_KINDS = ['computed', 'scored'] as const;
export const StarIndicatorKind = z.enum(INDICATOR_KINDS);
export const STAR_INDICATOR_KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = {
  computed: '系统计算',
  scored: '评议打分',
};

export const StarIndicator = z
  .strictObject({
    key,
    name: text(40),
    kind: StarIndicatorKind,
    /** Full marks of the indicator; a panel score lies in [0, maxScore]. */
    maxScore: z.number().int().min(1, '满分至少 1 分').max(100, '满分最多 100 分'),
    /** computed: the code of the rate it reads (e.g. 'cases.closureRate'). */
    source: z.string().max(60).nullable().default(null),
    /** computed: the rate (0–1) at or above which the indicator gets full marks. */
    fullAt: z.number().min(0).max(1).nullable().default(null),
    /** computed: the rate at or below which it gets 0; linear in between. */
    zeroAt: z.number().min(0).max(1).nullable().default(null),
    /** What evidence the branch shows for it (支部会议记录、照片 …), null when none is asked. */
    evidence: z.string().trim().max(200).nullable().default(null),
    /** A star cannot be awarded while an indicator that requires evidence has none. */
    evidenceRequired: z.boolean().default(false),
  })
  .superRefine((ind, ctx) => {
    if (ind.kind === 'computed') {
      if (!ind.source) ctx.addIssue({ code: 'custom', path: ['source'], message: '系统计算的指标须选择数据来源' });
      if (ind.fullAt === null) ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '须给出满分所需的比率' });
      if (ind.fullAt !== null && (ind.zeroAt ?? 0) >= ind.fullAt)
        ctx.addIssue({ code: 'custom', path: ['zeroAt'], message: '零分比率须低于满分比率' });
    }
    if (ind.evidenceRequired && !ind.evidence)
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: '要求佐证材料时须写明材料内容' });
  });
export type StarIndicator = z.output<typeof StarIndicator>;

export const StarDefinition = z
  .strictObject({
    key,
    name: text(20),
    /** Score (out of the sum of the indicators' full marks) a branch needs for the star. */
    threshold: z.number().min(0),
    indicators: z.array(StarIndicator).min(1, '每颗星至少一项指标').max(12),
  })
  .superRefine((star, ctx) => {
    const total = star.indicators.reduce((s, i) => s + i.maxScore, 0);
    if (star.threshold > total)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `达标分不能高于满分 ${total}` });
    duplicates(star.indicators.map((i) => i.key)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['indicators', i, 'key'], message: '指标编码重复' }),
    );
  });
export type StarDefinition = z.output<typeof StarDefinition>;

/** A set of stars for one kind of branch; the province revises it, so each save is a new version. */
export const StarSetBody = z
  .strictObject({
    branchKind: BranchKind,
    /** The first quarter rated on this version. */
    effectiveFrom: quarter,
    stars: z.array(StarDefinition).min(1).max(8),
    note: z.string().trim().max(400).nullable().optional(),
  })
  .superRefine((set, ctx) => {
    duplicates(set.stars.map((s) => s.key)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['stars', i, 'key'], message: '星的编码重复' }),
    );
  });
export type StarSetBody = z.input<typeof StarSetBody>;
export type StarSetInput = z.output<typeof StarSetBody>;

function duplicates(keys: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  keys.forEach((k, i) => (seen.has(k) ? out.push(i) : seen.add(k)));
  return out;
}

/** A stored version of a set. */
export const StarSetView = z.object({
  id: z.string(),
  branchKind: BranchKind,
  version: z.number().int(),
  effectiveFrom: z.string(),
  stars: z.array(StarDefinition),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type StarSetView = z.infer<typeof StarSetView>;

export const StarSetVersion = StarSetView.omit({ stars: true });
export type StarSetVersion = z.infer<typeof StarSetVersion>;

/** The sets in force in a quarter, and every version kept (newest first per kind). */
export const StarSetList = z.object({
  quarter: z.string(),
  village: StarSetView.nullable(),
  urban: StarSetView.nullable(),
  versions: z.array(StarSetVersion),
});
export type StarSetList = z.infer<typeof StarSetList>;

export const QuarterQuery = z.strictObject({ quarter: quarter.optional() });

// ── Computed rates (the "rates" part): the sources other modules publish, and the values kept per
// branch and quarter, measured over the branch's community or village (docs/stars-rates.md).

/** A rate a computed indicator may name as its `source`. */
export const RateSource = z.object({ code: z.string(), label: z.string() });
export const RateSourceList = z.object({ items: z.array(RateSource) });
export type RateSourceList = z.infer<typeof RateSourceList>;
export type RateSource = z.infer<typeof RateSource>;

export const BranchRatesQuery = z.strictObject({ quarter: quarter.optional() });

/** A kept rate: numerator ÷ denominator; denominator 0 = nothing to measure (rate null, never full marks). */
export const KeptRate = z.object({
  source: z.string(),
  /** null when no module offers the source any more. */
  label: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
  computedAt: z.string(),
});
export type KeptRate = z.infer<typeof KeptRate>;

export const BranchRates = z.object({
  branchId: z.string(),
  branchName: z.string(),
  quarter,
  /** The community or village the rates are measured over. */
  measuredOver: z.object({ unitId: z.string(), unitName: z.string() }).nullable(),
  rates: z.array(KeptRate),
});
export type BranchRates = z.infer<typeof BranchRates>;

export const RefreshRatesBody = z.strictObject({ quarter });
export const RefreshRatesResult = z.object({
  quarter,
  /** The last local day measured (today, or the quarter's last day). */
  through: z.string(),
  branches: z.number().int(),
  values: z.number().int(),
  /** Branches under no community or village: no set applies, nothing measured. */
  skipped: z.number().int(),
});
export type RefreshRatesResult = z.infer<typeof RefreshRatesResult>;

export const RateRecordsParams = z.strictObject({
  id: z.uuid('must be a UUID'),
  source: z.string().regex(/^[a-z]+\.[A-Za-z]+$/, '来源编码形如 cases.closureRate'),
});
export const RateRecordsQuery = z.strictObject({
  quarter: quarter.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** One record behind a rate, and what it adds to each count. */
export const RateRecordView = z.object({
  kind: z.string(),
  id: z.string(),
  label: z.string(),
  day: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});

/** The records behind a branch's rate, measured now (the kept value may be a night old). */
export const RateRecords = z.object({
  branchId: z.string(),
  quarter,
  source: z.string(),
  label: z.string(),
  measuredOver: z.object({ unitId: z.string(), unitName: z.string() }),
  /** false: the source offers no drill-down. */
  offered: z.boolean(),
  items: z.array(RateRecordView),
});
export type RateRecords = z.infer<typeof RateRecords>;
