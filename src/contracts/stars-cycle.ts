import { z } from 'zod';
import { calendarDay } from './days.js';
import { quarter } from './stars.js';

// Shapes of the "三个一" cycle's weekly and monthly parts and of the evidence (SPEC §9, issue 14 item 4):
// weekly progress (每周推进) per branch and ISO week (keyed by its Monday), observation events
// (每月观摩) with visitors' scores per visited branch, and the evidence a branch shows for a star or one
// of its indicators. Days are Asia/Shanghai dates (YYYY-MM-DD), times ISO UTC.

// A real calendar day: the shape, and a date that exists (2026-02-30 is refused here, naming the field).
const day = calendarDay();
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const optionalText = (max: number) => z.string().trim().max(max, `最长 ${max} 个字符`).nullable().optional();
const id = z.uuid('须为有效的编号');
const key = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, '编码为 2–32 位小写字母、数字或下划线，以字母开头');

// ---- weekly progress (每周推进) ----

export const WEEK_STATUSES = ['reported', 'late', 'missing', 'pending', 'exempt', 'none'] as const;
export const WeekStatus = z.enum(WEEK_STATUSES);
export type WeekStatus = z.infer<typeof WeekStatus>;
export const WEEK_STATUS_LABELS: Record<WeekStatus, string> = {
  reported: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
  exempt: '无需报送',
  none: '—',
};

/** PUT /api/v1/stars/branches/:id/weekly/:week — the week is its Monday. */
export const WeeklyParams = z.strictObject({ id, week: day });

export const WeeklyBody = z.strictObject({
  /** What moved this week. */
  text: text(2000),
  /** Photos uploaded through POST /api/v1/files (the writer's own, or already on this report). */
  fileIds: z.array(id).max(9, '最多 9 张照片').default([]),
});
export type WeeklyBody = z.input<typeof WeeklyBody>;

export const WeeklyRevision = z.object({
  revision: z.number().int(),
  text: z.string(),
  fileIds: z.array(z.string()),
  submittedAt: z.string(),
  submittedByName: z.string(),
});
export type WeeklyRevision = z.infer<typeof WeeklyRevision>;

export const WeeklyReport = z.object({
  id: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  week: z.string(),
  /** The week's last working day; null when the week has none. */
  dueDay: z.string().nullable(),
  text: z.string(),
  fileIds: z.array(z.string()),
  /** 1 for a first report; each amendment adds one. */
  revision: z.number().int(),
  firstSubmittedAt: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  /** On time or late, judged by the first report. */
  status: z.enum(['reported', 'late']),
  /** Every version, oldest first (the detail only). */
  history: z.array(WeeklyRevision).optional(),
});
export type WeeklyReport = z.infer<typeof WeeklyReport>;

export const WeekCell = z.object({
  week: z.string(),
  status: WeekStatus,
  reportId: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  /** The reminder sent to the branch's community workers, if any. */
  remindedAt: z.string().nullable(),
});
export type WeekCell = z.infer<typeof WeekCell>;

export const WeekColumn = z.object({ week: z.string(), dueDay: z.string().nullable() });
export type WeekColumn = z.infer<typeof WeekColumn>;

export const WeeklyGridQuery = z.strictObject({
  /** A 街道, community or branch in scope (default: the caller's unit). */
  unitId: id.optional(),
  /** Days [from, to]; every week touching them is a column (at most 26). Default: the last 8 weeks. */
  from: day.optional(),
  to: day.optional(),
});
export type WeeklyGridQuery = z.infer<typeof WeeklyGridQuery>;

export const WeeklyGrid = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  weeks: z.array(WeekColumn),
  rows: z.array(
    z.object({
      branchId: z.string(),
      branchName: z.string(),
      /** The community or village it belongs to. */
      parentName: z.string(),
      cells: z.array(WeekCell),
    }),
  ),
  /** Per week: how many branches stand in each status. */
  totals: z.array(z.object({ week: z.string(), counts: z.record(WeekStatus, z.number().int()) })),
});
export type WeeklyGrid = z.infer<typeof WeeklyGrid>;

export const BranchWeekly = z.object({
  branch: z.object({ id: z.string(), name: z.string() }),
  weeks: z.array(WeekColumn.extend({ cell: WeekCell, report: WeeklyReport.nullable() })),
});
export type BranchWeekly = z.infer<typeof BranchWeekly>;

export const BranchWeeklyQuery = z.strictObject({ from: day.optional(), to: day.optional() });

// ---- observation events (每月观摩) ----

export const ObservationVisitorBody = z
  .strictObject({
    /** A visitor with an account (a 区领导, another 街道's cadre …). */
    accountId: id.nullable().optional(),
    /** A visitor known by name (a 聚力团 member, a 包联 unit's cadre); taken from the account when given. */
    name: z.string().trim().max(40, '最长 40 个字符').nullable().optional(),
  })
  .refine((v) => !!v.accountId || !!v.name, { message: '请选择账号或填写姓名', path: ['name'] });

export const ObservationBody = z.strictObject({
  /** The 街道 holding it (default: the caller's unit). */
  hostUnitId: id.optional(),
  day,
  title: text(80),
  /** The branch where it is held. */
  placeBranchId: id,
  /** The branches visited and scored. */
  branchIds: z.array(id).min(1, '至少观摩一个支部').max(40),
  visitors: z.array(ObservationVisitorBody).max(60, '最多 60 名观摩人员').default([]),
  /** How many took part (e.g. 33 聚力团 members at 刘方平村). */
  attendees: z.number().int().min(0).max(10000).nullable().optional(),
  note: optionalText(1000),
});
export type ObservationBody = z.input<typeof ObservationBody>;

export const ScoresBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        visitorId: id,
        branchId: id,
        /** 0–100, at most one decimal. */
        score: z.number(),
        remark: optionalText(500),
      }),
    )
    .min(1)
    .max(2400),
});
export type ScoresBody = z.input<typeof ScoresBody>;

export const ObservationSummary = z.object({
  id: z.string(),
  day: z.string(),
  title: z.string(),
  hostUnitId: z.string(),
  hostName: z.string(),
  placeBranchId: z.string(),
  placeName: z.string(),
  branchCount: z.number().int(),
  visitorCount: z.number().int(),
  attendees: z.number().int().nullable(),
  /** Scores entered of visitors × branches. */
  scored: z.number().int(),
});
export type ObservationSummary = z.infer<typeof ObservationSummary>;

export const ObservationList = z.object({ items: z.array(ObservationSummary) });

export const ObservationDetail = ObservationSummary.extend({
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  /** May the caller enter scores (the host 街道 or above, star.review). */
  canScore: z.boolean(),
  branches: z.array(
    z.object({
      branchId: z.string(),
      branchName: z.string(),
      parentName: z.string(),
      /** Mean of the scores given, one decimal; null while none. */
      average: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
  visitors: z.array(z.object({ id: z.string(), accountId: z.string().nullable(), name: z.string() })),
  scores: z.array(
    z.object({ visitorId: z.string(), branchId: z.string(), score: z.number(), remark: z.string().nullable() }),
  ),
});
export type ObservationDetail = z.infer<typeof ObservationDetail>;

export const ObservationListQuery = z.strictObject({ from: day.optional(), to: day.optional() });

// ---- evidence (佐证材料) ----

export const EvidenceBody = z
  .strictObject({
    branchId: id,
    quarter,
    starKey: key,
    /** null: evidence for the star as a whole. */
    indicatorKey: key.nullable().optional(),
    /** A photo uploaded through POST /api/v1/files by the caller. */
    fileId: id.nullable().optional(),
    note: optionalText(1000),
  })
  .refine((v) => !!v.fileId || !!v.note, { message: '请上传照片或填写说明', path: ['fileId'] });
export type EvidenceBody = z.input<typeof EvidenceBody>;

export const Evidence = z.object({
  id: z.string(),
  branchId: z.string(),
  quarter: z.string(),
  starKey: z.string(),
  indicatorKey: z.string().nullable(),
  fileId: z.string().nullable(),
  note: z.string().nullable(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  /** The caller uploaded it and the quarter's rating is not proposed yet. */
  canDelete: z.boolean(),
});
export type Evidence = z.infer<typeof Evidence>;

export const EvidenceQuery = z.strictObject({ branchId: id, quarter: quarter.optional() });
export const EvidenceList = z.object({
  /** kind: the set it is rated on (village / urban), null when its parent is neither. */
  branch: z.object({ id: z.string(), name: z.string(), kind: z.enum(['village', 'urban']).nullable() }),
  quarter: z.string(),
  items: z.array(Evidence),
});
export type EvidenceList = z.infer<typeof EvidenceList>;
