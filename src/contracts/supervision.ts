import { z } from 'zod';

// Shapes of the supervision API (督查督办, SPEC §7), shared by the server (validation, OpenAPI) and
// the console. Dates are local dates 'YYYY-MM-DD' in the district's zone; times are ISO UTC.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);
const ids = z.array(z.uuid()).max(50);

export const TASK_STATUSES = ['on_track', 'lagging', 'done', 'overdue'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  on_track: '正常推进',
  lagging: '滞后',
  done: '完成',
  overdue: '逾期',
};

export const TASK_KINDS = ['task', 'key_project'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export const TASK_KIND_LABELS: Record<(typeof TASK_KINDS)[number], string> = { task: '任务', key_project: '重点项目' };

export const TASK_SOURCES = ['decision', 'opinion', 'work_plan', 'topic', 'manual'] as const;
export const TASK_SOURCE_LABELS: Record<(typeof TASK_SOURCES)[number], string> = {
  decision: '会议议定事项',
  opinion: '评审意见',
  work_plan: '工作要点',
  topic: '协商计划',
  manual: '交办',
};

export const MEETING_KINDS = [
  'standing_committee',
  'executive',
  'chairman',
  'special',
  'review',
  'consultation',
  'other',
] as const;
export const MeetingKind = z.enum(MEETING_KINDS);
export const MEETING_KIND_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  standing_committee: '常委会议',
  executive: '常务会议',
  chairman: '主席会议',
  special: '专题会议',
  review: '评审会',
  consultation: '协商会',
  other: '其他会议',
};

export const Cadence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), firstDue: date }),
  z.strictObject({ kind: z.literal('every_n_days'), days: z.number().int().min(1).max(366), firstDue: date }),
  z.strictObject({ kind: z.literal('monthly'), firstDue: date }),
]);
export type Cadence = z.infer<typeof Cadence>;

export const MeetingItemInput = z.strictObject({
  /** decision = 议定事项; opinion = 评审/审议意见 (on a key project when projectId is given). */
  kind: z.enum(['decision', 'opinion']),
  content: text(2000),
  projectId: z.uuid().nullable().optional(),
});

export const MeetingBody = z.strictObject({
  kind: MeetingKind,
  title: text(200),
  heldOn: date,
  chairId: z.uuid().nullable().optional(),
  attendeeIds: ids.default([]),
  attendeeUnitIds: ids.default([]),
  summary: z.string().trim().max(4000).nullable().optional(),
  topicId: z.uuid().nullable().optional(),
  items: z.array(MeetingItemInput).max(100).default([]),
});
export type MeetingBody = z.input<typeof MeetingBody>;

export const MilestoneInput = z.strictObject({
  title: text(200),
  due: date,
  weight: z.number().min(0).max(1000).optional(),
});

export const TaskBody = z.strictObject({
  kind: TaskKind.default('task'),
  title: text(200),
  description: z.string().trim().max(4000).nullable().optional(),
  /** A sub-task (任务分解) of this task. */
  parentId: z.uuid().nullable().optional(),
  /** The meeting decision or review opinion the task comes from. */
  itemId: z.uuid().nullable().optional(),
  topicId: z.uuid().nullable().optional(),
  /** 牵头领导: an account with the 区领导 role. */
  leadLeaderId: z.uuid().nullable().optional(),
  /** 牵头单位. */
  leadUnitId: z.uuid(),
  /** 配合单位. */
  cooperatingUnitIds: ids.default([]),
  start: date,
  deadline: date,
  milestones: z.array(MilestoneInput).max(50).default([]),
  cadence: Cadence.nullable().optional(),
  weight: z.number().min(0).max(1000).nullable().optional(),
});
export type TaskBody = z.input<typeof TaskBody>;

export const ProgressReportBody = z.strictObject({
  percent: z.number().min(0).max(100),
  content: text(4000),
  fileIds: z.array(z.uuid()).max(20).default([]),
  /** Milestones this report completes (done today). */
  milestoneIds: z.array(z.uuid()).max(50).default([]),
});
export type ProgressReportBody = z.input<typeof ProgressReportBody>;

export const NoticeBody = z.strictObject({
  /** urge = 催办, supervise = 督办 (formal, escalates to the lead leader when unanswered). */
  kind: z.enum(['urge', 'supervise']),
  content: text(2000),
  /** The unit it is sent to; default the lead unit. */
  toUnitId: z.uuid().optional(),
  /** Reply within this many working days (default 3). */
  replyWithinWorkdays: z.number().int().min(1).max(30).default(3),
});
export type NoticeBody = z.input<typeof NoticeBody>;
export const NOTICE_KIND_LABELS = { urge: '催办', supervise: '督办' } as const;

export const NoticeReplyBody = z.strictObject({ reply: text(4000) });

export const TaskListQuery = z.strictObject({
  /** led = tasks I lead as 牵头领导; owed = owed by my unit subtree; all = everything in scope. */
  view: z.enum(['led', 'owed', 'all']).default('all'),
  status: z.union([TaskStatus, z.array(TaskStatus)]).optional(),
  kind: TaskKind.optional(),
  /** Only top-level tasks (no sub-tasks). */
  roots: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  /** deadline_on|id keyset cursor from the previous page. */
  cursor: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AssessmentQuery = z.strictObject({
  /** '2026-Q4', '2026-11' or '2026' */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2})?$/, '考核期格式：2026、2026-Q4 或 2026-11'),
});

export const AssessmentRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('on_time_milestone_rate'), weight: z.number() }),
  z.strictObject({ kind: z.literal('report_cadence_rate'), weight: z.number() }),
  z.strictObject({ kind: z.literal('overdue_count'), penaltyEach: z.number(), maxPenalty: z.number() }),
  z.strictObject({ kind: z.literal('quality_marks'), weight: z.number() }),
]);
export const AssessmentRulesBody = z.strictObject({ rules: z.array(AssessmentRule).min(1).max(10) });
export const ASSESSMENT_RULE_LABELS = {
  on_time_milestone_rate: '时间节点按期完成率',
  report_cadence_rate: '按期报送进度率',
  overdue_count: '逾期任务扣分',
  quality_marks: '督查室质量评价',
} as const;

export const QualityMarkBody = z.strictObject({
  unitId: z.uuid(),
  taskId: z.uuid().nullable().optional(),
  score: z.number().min(0).max(100),
  comment: z.string().trim().max(1000).nullable().optional(),
  /** Local date the mark counts on; default today. */
  markedOn: date.optional(),
});

export const TopicBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  /** 专题协商, 对口协商, 界别协商, 提案办理协商, 其他. */
  form: z.enum(['专题协商', '对口协商', '界别协商', '提案办理协商', '其他']),
  plannedMonth: z.string().regex(/^\d{4}-\d{2}$/, '月份格式：YYYY-MM'),
  leadUnitIds: z.array(z.uuid()).min(1, '请选择牵头单位').max(20),
});

// ---- replies (what the console reads) ----

export interface TaskSummary {
  id: string;
  kind: (typeof TASK_KINDS)[number];
  source: (typeof TASK_SOURCES)[number];
  title: string;
  parentId: string | null;
  depth: number;
  leadLeader: { id: string; name: string } | null;
  leadUnit: { id: string; name: string };
  cooperatingUnits: { id: string; name: string }[];
  start: string;
  deadline: string;
  status: TaskStatus;
  statusReasons: string[];
  progress: number;
  completedOn: string | null;
  /** Next open milestone, if any. */
  nextMilestone: { id: string; title: string; due: string } | null;
  subTaskCount: number;
  openNotices: number;
}

export interface TaskDetail extends TaskSummary {
  description: string | null;
  itemId: string | null;
  meeting: { id: string; title: string; heldOn: string } | null;
  topicId: string | null;
  cadence: Cadence | null;
  weight: number | null;
  ancestors: { id: string; title: string }[];
  milestones: {
    id: string;
    seq: number;
    title: string;
    due: string;
    doneOn: string | null;
    weight: number | null;
    missed: boolean;
  }[];
  reports: {
    id: string;
    reportedOn: string;
    percent: number;
    content: string;
    fileIds: string[];
    author: string;
    createdAt: string;
  }[];
  /** Reporting periods that ended with no report. */
  missingReportPeriods: { from: string; due: string }[];
  notices: {
    id: string;
    kind: 'urge' | 'supervise';
    toUnit: { id: string; name: string };
    content: string;
    replyDueAt: string;
    sentBy: string;
    sentAt: string;
    reply: string | null;
    repliedBy: string | null;
    repliedAt: string | null;
    escalatedAt: string | null;
    overdue: boolean;
  }[];
  subTasks: TaskSummary[];
  /** Review opinions on a key project, each with the sub-task tracking it. */
  opinions: {
    id: string;
    content: string;
    meetingTitle: string;
    heldOn: string;
    taskId: string | null;
    taskStatus: TaskStatus | null;
  }[];
  /** What the caller may do here. */
  can: { report: boolean; decompose: boolean; notice: boolean; reply: boolean; mark: boolean };
  version: number;
}
