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

export const TASK_SOURCES = ['decision', 'opinion', 'work_plan', 'topic', 'manual', 'battle_map'] as const;
export const TASK_SOURCE_LABELS: Record<(typeof TASK_SOURCES)[number], string> = {
  decision: '会议议定事项',
  opinion: '评审意见',
  work_plan: '工作要点',
  topic: '协商计划',
  manual: '交办',
  /** A measure of a party branch's battle map (作战图, "五星"支部). */
  battle_map: '支部作战图',
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
  /**
   * Only tasks led by a unit in this unit's subtree (by lead unit, as the dashboard's 在办任务数 and
   * 逾期任务数); a unit outside the caller's scope is refused (403 naming unitId).
   */
  unitId: z.uuid().optional(),
  /** true: only the tasks not done (正常推进, 滞后, 逾期) — 在办任务数. */
  open: z.enum(['true', 'false']).optional(),
  /** deadline_on|id keyset cursor from the previous page. */
  cursor: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The milestones (时间节点) due in a period of the tasks led by units in a unit's subtree
 * (GET /api/v1/supervision/milestones-due): the list behind the dashboard's 节点按期完成率.
 */
export const MilestonesDueQuery = z
  .strictObject({
    /** An area in scope (default the caller's scope root): tasks whose lead unit lies in its subtree. */
    unitId: z.uuid().optional(),
    from: date,
    to: date,
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type MilestonesDueQuery = z.infer<typeof MilestonesDueQuery>;

export const MilestonesDue = z.object({
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  /** The last day counted: `to`, or today when `to` is later (a milestone is due once its day has come). */
  end: z.string(),
  /** 到期: every milestone due from `from` to `end` (the measure's denominator). */
  due: z.number().int(),
  /** 按期完成: of those, done on or before the due date (the measure's numerator). */
  onTime: z.number().int(),
  /** Latest due first, at most 500. */
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      onTime: z.boolean(),
      taskId: z.string(),
      taskTitle: z.string(),
      leadUnitId: z.string(),
      leadUnitName: z.string(),
    }),
  ),
});
export type MilestonesDue = z.infer<typeof MilestonesDue>;

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

const Ref = z.object({ id: z.string(), name: z.string() });
const TaskSource = z.enum(TASK_SOURCES);
const NoticeKind = z.enum(['urge', 'supervise']);

export const TaskSummary = z.object({
  id: z.string(),
  kind: TaskKind,
  source: TaskSource,
  title: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  leadLeader: Ref.nullable(),
  leadUnit: Ref,
  cooperatingUnits: z.array(Ref),
  start: z.string(),
  deadline: z.string(),
  status: TaskStatus,
  statusReasons: z.array(z.string()),
  progress: z.number(),
  completedOn: z.string().nullable(),
  /** Next open milestone, if any. */
  nextMilestone: z.object({ id: z.string(), title: z.string(), due: z.string() }).nullable(),
  subTaskCount: z.number().int(),
  openNotices: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

const noticeFields = {
  id: z.string(),
  kind: NoticeKind,
  toUnit: Ref,
  content: z.string(),
  replyDueAt: z.string(),
  sentBy: z.string(),
  sentAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** Unanswered past the reply deadline, or answered after it. */
  overdue: z.boolean(),
};

export const TaskDetail = TaskSummary.extend({
  description: z.string().nullable(),
  itemId: z.string().nullable(),
  meeting: z.object({ id: z.string(), title: z.string(), heldOn: z.string() }).nullable(),
  topicId: z.string().nullable(),
  cadence: Cadence.nullable(),
  weight: z.number().nullable(),
  ancestors: z.array(z.object({ id: z.string(), title: z.string() })),
  milestones: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      title: z.string(),
      due: z.string(),
      doneOn: z.string().nullable(),
      weight: z.number().nullable(),
      missed: z.boolean(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      reportedOn: z.string(),
      percent: z.number(),
      content: z.string(),
      fileIds: z.array(z.string()),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Reporting periods that ended with no report. */
  missingReportPeriods: z.array(z.object({ from: z.string(), due: z.string() })),
  notices: z.array(z.object({ ...noticeFields, repliedBy: z.string().nullable(), escalatedAt: z.string().nullable() })),
  subTasks: z.array(TaskSummary),
  /** Review opinions on a key project, each with the sub-task tracking it. */
  opinions: z.array(
    z.object({
      id: z.string(),
      content: z.string(),
      meetingTitle: z.string(),
      heldOn: z.string(),
      taskId: z.string().nullable(),
      taskStatus: TaskStatus.nullable(),
    }),
  ),
  /** What the caller may do here. */
  can: z.object({
    report: z.boolean(),
    decompose: z.boolean(),
    notice: z.boolean(),
    reply: z.boolean(),
    mark: z.boolean(),
  }),
  version: z.number().int(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

const StatusCounts = z.object({ on_track: z.number(), lagging: z.number(), done: z.number(), overdue: z.number() });

export const TaskPage = z.object({
  items: z.array(TaskSummary),
  /** deadline|id of the last task, for the next page. */
  nextCursor: z.string().nullable(),
  /** Tasks per status under the same filters (status aside). */
  counts: StatusCounts,
});
export type TaskPage = z.infer<typeof TaskPage>;

export const Created = z.object({ id: z.string() });
export type Created = z.infer<typeof Created>;

export const WorkPlanImported = z.object({
  created: z.number().int(),
  /** The sheet's row number of each task created. */
  items: z.array(z.object({ row: z.number().int(), title: z.string(), id: z.string() })),
});
export type WorkPlanImported = z.infer<typeof WorkPlanImported>;

export const LeaderList = z.object({ items: z.array(Ref) });
export type LeaderList = z.infer<typeof LeaderList>;

export const MeetingList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: MeetingKind,
      title: z.string(),
      heldOn: z.string(),
      chair: Ref.nullable(),
      itemCount: z.number().int(),
      taskCount: z.number().int(),
    }),
  ),
});
export type MeetingList = z.infer<typeof MeetingList>;

export const MeetingDetail = z.object({
  id: z.string(),
  kind: MeetingKind,
  title: z.string(),
  heldOn: z.string(),
  summary: z.string().nullable(),
  chair: Ref.nullable(),
  attendees: z.array(Ref),
  attendeeUnits: z.array(Ref),
  topic: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Decisions and opinions, each with the tasks it became. */
  items: z.array(
    z.object({
      id: z.string(),
      kind: MeetingItemInput.shape.kind,
      seq: z.number().int(),
      content: z.string(),
      projectId: z.string().nullable(),
      tasks: z.array(TaskSummary),
    }),
  ),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const SentNotice = z.object({ id: z.string(), replyDueAt: z.string() });
export type SentNotice = z.infer<typeof SentNotice>;

const TaskRef = z.object({ id: z.string(), title: z.string() });

export const NoticeList = z.object({
  items: z.array(
    z.object({
      ...noticeFields,
      task: TaskRef,
      repliedBy: z.string().nullable(),
      escalatedAt: z.string().nullable(),
    }),
  ),
});
export type NoticeList = z.infer<typeof NoticeList>;

export const LeaderView = z.object({
  counts: StatusCounts,
  /** Lagging and overdue first. */
  tasks: z.array(TaskSummary),
  /** Open 督办 / 催办 on the tasks I lead. */
  notices: z.array(z.object({ ...noticeFields, task: TaskRef })),
});
export type LeaderView = z.infer<typeof LeaderView>;

export const UnitView = z.object({
  today: z.string(),
  /**
   * The next working day: an item not overdue and due on or before it is 临期 — with the overdue ones
   * (notices aside) what the 工作台's 任务节点临期或超期 counts.
   */
  dueSoonUntil: z.string(),
  items: z.array(
    z.object({
      task: TaskSummary,
      what: z.enum(['milestone', 'report', 'notice', 'deadline']),
      title: z.string(),
      due: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type UnitView = z.infer<typeof UnitView>;

const RuleKind = z.enum(['on_time_milestone_rate', 'report_cadence_rate', 'overdue_count', 'quality_marks']);

export const AssessmentRules = z.object({ rules: z.array(AssessmentRule) });
export type AssessmentRules = z.infer<typeof AssessmentRules>;

const AssessmentFacts = z.object({
  unitId: z.string(),
  milestonesDue: z.number(),
  milestonesOnTime: z.number(),
  reportPeriodsDue: z.number(),
  reportPeriodsReported: z.number(),
  overdueTasks: z.number(),
  qualityMarks: z.array(z.number()),
});

export const Assessment = z.object({
  /** Local dates, inclusive. */
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  rules: z.array(AssessmentRule),
  /** Ranked, best first. */
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      rank: z.number().int(),
      total: z.number(),
      breakdown: z.array(z.object({ kind: RuleKind, points: z.number(), value: z.number() })),
      facts: AssessmentFacts,
    }),
  ),
  /** 无考核数据: units with something due in the period but nothing the rates can judge (no milestone, report period or mark); not scored, not ranked. */
  noData: z.array(z.object({ unitId: z.string(), unitName: z.string(), facts: AssessmentFacts })),
});
export type Assessment = z.infer<typeof Assessment>;

export const TopicList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      year: z.number().int(),
      title: z.string(),
      form: TopicBody.shape.form,
      plannedMonth: z.string(),
      leadUnits: z.array(Ref),
      meetings: z.array(z.object({ id: z.string(), title: z.string(), heldOn: z.string() })),
      tasks: z.array(TaskSummary),
    }),
  ),
});
export type TopicList = z.infer<typeof TopicList>;
