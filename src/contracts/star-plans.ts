import { z } from 'zod';
import { calendarDay } from './days.js';
import { BranchKind } from './stars.js';
import { MilestoneInput, ProgressReportBody, TaskStatus } from './supervision.js';

// Shapes of the battle maps (作战图) and action teams (聚力团) of the "五星"支部 work (issue 14 items 2–3),
// shared by the server and the console. A measure of a battle map is a supervision task: its status,
// progress, milestones and evidence are the task's; the measure adds the star it serves, its owner and
// the team taking it on. Days are YYYY-MM-DD in the district's zone; times ISO UTC.

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
// A real calendar day: the shape, and a date that exists.
const date = calendarDay('日期格式应为 YYYY-MM-DD');
const starKey = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, '星的编码为 2–32 位小写字母、数字或下划线');
const year = z.coerce.number().int('年度须为整数').min(2020, '年度不早于 2020').max(2100, '年度不晚于 2100');
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '手机号应为 11 位，座机如 0394-8123456');

/** The year of a battle map; this year in the district's zone when left out. */
export const YearQuery = z.strictObject({ year: year.optional() });
export type YearQuery = z.infer<typeof YearQuery>;

/** The stars a branch goes for in a year (创星目标), and a note. */
export const PlanBody = z.strictObject({
  year,
  stars: z.array(starKey).max(8, '最多 8 颗星'),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type PlanBody = z.input<typeof PlanBody>;

/** A measure (措施) of the battle map, carried as a supervision task. */
export const MeasureBody = z.strictObject({
  year,
  /** The star it serves: one of the plan's stars. */
  starKey,
  title: text(200),
  description: z.string().trim().max(2000).nullable().optional(),
  /** 责任人: a person's name; optionally their account (a cadre of the branch's community). */
  ownerName: text(30),
  ownerAccountId: z.uuid().nullable().optional(),
  /** 牵头单位 of the task: the branch itself (default) or a 包联 unit. */
  leadUnitId: z.uuid().nullable().optional(),
  start: date,
  deadline: date,
  milestones: z.array(MilestoneInput).max(20).default([]),
  /** The action team taking the measure on, one of the branch's teams. */
  teamId: z.uuid().nullable().optional(),
});
export type MeasureBody = z.input<typeof MeasureBody>;

/** Change a measure's star, owner or team (its dates and progress are the task's). */
export const MeasurePatchBody = z.strictObject({
  starKey: starKey.optional(),
  ownerName: text(30).optional(),
  ownerAccountId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
});
export type MeasurePatchBody = z.input<typeof MeasurePatchBody>;

/** A progress report on a measure (the task's report); 100 % is 对账销号 and needs evidence files. */
export const MeasureReportBody = ProgressReportBody;
export type MeasureReportBody = z.input<typeof MeasureReportBody>;

/** done = 已销号; behind = 逾期 or 滞后; on track = 正常推进. */
export const MEASURE_BUCKETS = ['done', 'behind', 'onTrack'] as const;
export type MeasureBucket = (typeof MEASURE_BUCKETS)[number];
export const MEASURE_BUCKET_LABELS: Record<MeasureBucket, string> = {
  done: '已销号',
  behind: '逾期/滞后',
  onTrack: '正常推进',
};

const Ref = z.object({ id: z.string(), name: z.string() });

export const BranchRef = z.object({
  id: z.string(),
  name: z.string(),
  /** The set it is rated on; null when its parent is neither a community nor a village. */
  kind: BranchKind.nullable(),
  /** The community or village it belongs to. */
  parent: Ref.nullable(),
  subdistrict: Ref.nullable(),
});
export type BranchRef = z.infer<typeof BranchRef>;

export const Counts = z.object({
  total: z.number().int(),
  done: z.number().int(),
  behind: z.number().int(),
  onTrack: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

export const MeasureView = z.object({
  id: z.string(),
  starKey: z.string(),
  title: z.string(),
  ownerName: z.string(),
  ownerAccount: Ref.nullable(),
  team: Ref.nullable(),
  leadUnit: Ref,
  /** The supervision task (GET /api/v1/tasks/:id for its milestones and reports). */
  taskId: z.string(),
  status: TaskStatus,
  statusReasons: z.array(z.string()),
  progress: z.number(),
  start: z.string(),
  deadline: z.string(),
  completedOn: z.string().nullable(),
  reportCount: z.number().int(),
  evidenceCount: z.number().int(),
  lastReportedOn: z.string().nullable(),
  milestoneCount: z.number().int(),
  milestonesDone: z.number().int(),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const StarProgress = Counts.extend({
  key: z.string(),
  /** From the star set in force; the key itself when the set does not name it. */
  name: z.string(),
  /** Whether the branch goes for it this year (a measure may still serve a star dropped later: no, refused). */
  targeted: z.boolean(),
});
export type StarProgress = z.infer<typeof StarProgress>;

export const BattleMap = z.object({
  branch: BranchRef,
  year: z.number().int(),
  plan: z
    .object({
      id: z.string(),
      stars: z.array(z.string()),
      note: z.string().nullable(),
      version: z.number().int(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The stars of the branch's set in force for the year (empty while no set is kept). */
  starOptions: z.array(Ref.extend({ key: z.string() }).omit({ id: true })),
  stars: z.array(StarProgress),
  totals: Counts,
  measures: z.array(MeasureView),
  /** The action teams of the branch (for choosing the team of a measure). */
  teams: z.array(Ref),
  can: z.object({ keep: z.boolean() }),
});
export type BattleMap = z.infer<typeof BattleMap>;

export const BranchRow = BranchRef.extend({
  /** The stars the branch goes for in the year; null without a battle map. */
  targetStars: z.array(z.string()).nullable(),
  totals: Counts,
  teamCount: z.number().int(),
});
export type BranchRow = z.infer<typeof BranchRow>;
export const BranchList = z.object({ year: z.number().int(), items: z.array(BranchRow) });
export type BranchList = z.infer<typeof BranchList>;

// ——— Action teams (聚力团) ———

export const TEAM_MEMBER_KINDS = ['account', 'unit', 'volunteer'] as const;
export const TeamMemberKind = z.enum(TEAM_MEMBER_KINDS);
export type TeamMemberKind = z.infer<typeof TeamMemberKind>;
export const TEAM_MEMBER_KIND_LABELS: Record<TeamMemberKind, string> = {
  account: '干部',
  unit: '包联单位',
  volunteer: '志愿者',
};

/** "党支部+党员+网格员+聚力团成员": what a member is in the team. */
export const TEAM_ROLES = ['party_member', 'grid_worker', 'team_member'] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  party_member: '党员',
  grid_worker: '网格员',
  team_member: '聚力团成员',
};

export const TeamMemberInput = z
  .strictObject({
    /** An existing member (on rewriting a team): an omitted phone keeps the one on file (replies mask it). */
    id: z.uuid().optional(),
    kind: TeamMemberKind,
    /** kind account: the cadre's account. */
    accountId: z.uuid().nullable().optional(),
    /** kind unit: the 包联 unit. */
    unitId: z.uuid().nullable().optional(),
    /** kind volunteer: the name (an account's or unit's name is taken from it). */
    name: z.string().trim().max(30, '最长 30 个字符').nullable().optional(),
    phone: phone.nullable().optional(),
    role: TeamRole,
    /** The grid the member answers for: one of the team's grids. */
    gridId: z.uuid().nullable().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'account' && !m.accountId)
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: '请选择干部账号' });
    if (m.kind === 'unit' && !m.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '请选择包联单位' });
    if (m.kind === 'volunteer' && !m.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写志愿者姓名' });
  });
export type TeamMemberInput = z.input<typeof TeamMemberInput>;

export const TeamBody = z.strictObject({
  name: text(60),
  /** One branch, or several (a team across branches is kept by the 街道). */
  branchIds: z.array(z.uuid()).min(1, '至少选择一个党支部').max(30),
  leaderName: text(30),
  leaderAccountId: z.uuid().nullable().optional(),
  members: z.array(TeamMemberInput).max(300).default([]),
  /** Grids it covers: grids of its branches' communities or villages. */
  gridIds: z.array(z.uuid()).max(300).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type TeamBody = z.input<typeof TeamBody>;

export const TeamListQuery = z.strictObject({ branchId: z.uuid().optional() });

export const TeamMemberView = z.object({
  id: z.string(),
  kind: TeamMemberKind,
  accountId: z.string().nullable(),
  unitId: z.string().nullable(),
  name: z.string(),
  /** Masked (139****5678): the full number is not shown in the console. */
  phone: z.string().nullable(),
  role: TeamRole,
  grid: Ref.nullable(),
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const TeamMeasure = z.object({
  id: z.string(),
  branch: Ref,
  starKey: z.string(),
  title: z.string(),
  ownerName: z.string(),
  taskId: z.string(),
  status: TaskStatus,
  progress: z.number(),
  deadline: z.string(),
});

export const TeamSummary = z.object({
  id: z.string(),
  name: z.string(),
  leaderName: z.string(),
  branches: z.array(Ref),
  memberCount: z.number().int(),
  /** Members by role. */
  roleCounts: z.record(z.string(), z.number().int()),
  gridCount: z.number().int(),
  measureCount: z.number().int(),
  measuresDone: z.number().int(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;
export const TeamList = z.object({ items: z.array(TeamSummary) });
export type TeamList = z.infer<typeof TeamList>;

export const TeamDetail = TeamSummary.extend({
  leaderAccount: Ref.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  members: z.array(TeamMemberView),
  grids: z.array(Ref),
  measures: z.array(TeamMeasure),
  can: z.object({ keep: z.boolean() }),
});
export type TeamDetail = z.infer<typeof TeamDetail>;
