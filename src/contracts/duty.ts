import { z } from 'zod';

// Shapes of the duty API (SPEC §4, issue 13 items 1–2): the responsibility web (分包 / 包联 / 下沉 /
// 网格长 / 网格指导员) and the community duty roster (分班). Dates are YYYY-MM-DD in the district's zone
// (Asia/Shanghai); times are ISO UTC.

const day = z.iso.date('日期格式应为 YYYY-MM-DD');

/**
 * lead 主责分包 (a leader answers for a community), branch_lead 分包党支部 (a section-level cadre),
 * embed 下沉 (an office cadre sent to a community), pair 包联 (a department or outside unit),
 * grid_head 网格长 and grid_instructor 网格指导员 (per grid).
 */
export const RESPONSIBILITY_KINDS = ['lead', 'branch_lead', 'embed', 'pair', 'grid_head', 'grid_instructor'] as const;
export const ResponsibilityKind = z.enum(RESPONSIBILITY_KINDS);
export type ResponsibilityKind = z.infer<typeof ResponsibilityKind>;
export const RESPONSIBILITY_KIND_NAMES: Record<ResponsibilityKind, string> = {
  lead: '分包（主责）',
  branch_lead: '分包党支部',
  embed: '下沉',
  pair: '包联',
  grid_head: '网格长',
  grid_instructor: '网格指导员',
};

/** Who holds a responsibility: a person (an account) or a unit (a department, an outside unit such as 电信). */
export const HolderType = z.enum(['account', 'unit']);
export type HolderType = z.infer<typeof HolderType>;

export const ResponsibilityBody = z.strictObject({
  kind: ResponsibilityKind,
  /** The community, village, party branch or grid answered for. */
  targetUnitId: z.uuid('must be a UUID'),
  holder: z.strictObject({ type: HolderType, id: z.uuid('must be a UUID') }),
  from: day,
  /** Last day (inclusive); left out while open-ended. */
  to: day.nullable().optional(),
  note: z.string().trim().max(200, '最长 200 个字符').optional(),
});
export type ResponsibilityBody = z.infer<typeof ResponsibilityBody>;

export const EndResponsibilityBody = z.strictObject({
  /** The last day of the responsibility (inclusive). */
  to: day,
});

export const ResponsibilityQuery = z.strictObject({
  /** The unit whose responsibilities are listed (default: the caller's scope root). */
  unitId: z.uuid('must be a UUID').optional(),
  /** true: the unit and everything under it; false (default): the unit itself. */
  subtree: z.enum(['true', 'false']).optional(),
  kind: ResponsibilityKind.optional(),
  /** Only those in force on this day. */
  on: day.optional(),
  /** Include ended ones (history); default true. */
  ended: z.enum(['true', 'false']).optional(),
});

export const Responsibility = z.object({
  id: z.string(),
  kind: ResponsibilityKind,
  target: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  holder: z.object({ type: HolderType, id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  endedAt: z.string().nullable(),
});
export type Responsibility = z.infer<typeof Responsibility>;

export const ResponsibilityList = z.object({
  items: z.array(Responsibility),
  /** Whether the caller may add and end responsibilities. */
  canWrite: z.boolean(),
});
export type ResponsibilityList = z.infer<typeof ResponsibilityList>;

/** Longest roster view or export, in days. */
export const ROSTER_MAX_DAYS = 31;

export const RosterQuery = z.strictObject({
  /** The community (or village). */
  unitId: z.uuid('must be a UUID'),
  /** First day shown. */
  from: day,
  /** How many days (default 7, at most 31). */
  days: z.coerce.number().int().min(1).max(ROSTER_MAX_DAYS).optional(),
});

export const RosterDayBody = z.strictObject({
  unitId: z.uuid('must be a UUID'),
  day,
  /** The duty cadre leading that day (an account); null for none. */
  cadreAccountId: z.uuid('must be a UUID').nullable(),
  /** Volunteers' names as the community writes them. */
  volunteers: z.array(z.string().trim().min(1, '不能为空').max(30, '最长 30 个字符')).max(30).default([]),
  /** Small grids of the community the day's team covers. */
  gridIds: z.array(z.uuid('must be a UUID')).max(200).default([]),
});
export type RosterDayBody = z.input<typeof RosterDayBody>;

export const CopyForwardBody = z.strictObject({
  unitId: z.uuid('must be a UUID'),
  /** First day of the week copied into; the seven days before it are the source. */
  weekStart: day,
  /** Replace days that already have entries (default false: refuse). */
  overwrite: z.boolean().default(false),
});
export type CopyForwardBody = z.input<typeof CopyForwardBody>;

export const RosterDay = z.object({
  day: z.string(),
  cadre: z.object({ id: z.string(), name: z.string() }).nullable(),
  volunteers: z.array(z.string()),
  gridIds: z.array(z.string()),
  /** 缺岗: no duty cadre, and the community's grids nobody covers that day. */
  gaps: z.object({ noCadre: z.boolean(), uncoveredGridIds: z.array(z.string()) }),
});
export type RosterDay = z.infer<typeof RosterDay>;

export const Roster = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  grids: z.array(z.object({ id: z.string(), name: z.string() })),
  days: z.array(RosterDay),
  /** Days with a gap. */
  gapDays: z.number(),
  canWrite: z.boolean(),
  /** Who may lead a duty day (for the picker; empty for readers). */
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Roster = z.infer<typeof Roster>;

export const CopyForwardResult = z.object({ copied: z.number(), replaced: z.number() });

/** Who may hold a responsibility: the district's active cadres' accounts, and its departments and outside units. */
export const HolderOptions = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type HolderOptions = z.infer<typeof HolderOptions>;
