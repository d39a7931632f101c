import { z } from 'zod';

// Replies of the CPPCC proposal API (提案办理) and of democratic supervision (民主监督), shared by the
// server (OpenAPI, reply checks in tests) and the console. Request bodies are in the module's
// proposal.schemas.ts. Dates are local 'YYYY-MM-DD'; instants are ISO UTC.

/** 已登记 → 已交办 → 已答复 → 落实中 → 办结 */
export const PROPOSAL_STATUSES = ['registered', 'assigned', 'replied', 'implementing', 'completed'] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** '答复型': handled by a reply alone; '落实型': the reply led to implementation commitments. */
export const PROPOSAL_KINDS = ['reply', 'implementation'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const Satisfaction = z.enum(SATISFACTIONS);
export type Satisfaction = z.infer<typeof Satisfaction>;

/**
 * How a reply (答复) classes the proposal's outcome: A 所提问题已经解决或采纳, B 列入计划拟解决, C 留作参考
 * (docs/proposals.md cites the sources).
 */
export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
export const ReplyClass = z.enum(REPLY_CLASSES);
export type ReplyClass = z.infer<typeof ReplyClass>;

/** What an API caller may ask of a proposal; the workflow's own actions plus key-proposal work. */
export const PROPOSAL_COMMANDS = [
  'assign',
  'mark_key',
  'consult',
  'waive_consultation',
  'reply',
  'add_commitment',
  'complete_commitment',
  'complete',
  'rate',
  'report_progress',
  'hear_progress',
] as const;
export const ProposalCommand = z.enum(PROPOSAL_COMMANDS);
export type ProposalCommand = z.infer<typeof ProposalCommand>;

/** 已记录 → 跟踪办理 → 已答复 → 已办结; an unconvincing answer goes back to 跟踪办理. */
export const OPINION_STATUSES = ['recorded', 'open', 'answered', 'done'] as const;
export const OpinionStatus = z.enum(OPINION_STATUSES);
export type OpinionStatus = z.infer<typeof OpinionStatus>;

const UnitRef = z.object({ unitId: z.string(), name: z.string() });
const FileRef = z.object({ fileId: z.string(), url: z.string(), thumbnailUrl: z.string() });

export const ProposalItem = z.object({
  id: z.string(),
  /** e.g. '2026-001'. */
  number: z.string(),
  year: z.number().int(),
  title: z.string(),
  category: z.string(),
  proposerNames: z.array(z.string()),
  submittedOn: z.string(),
  isKey: z.boolean(),
  leaderName: z.string().nullable(),
  status: ProposalStatus,
  statusName: z.string(),
  kind: ProposalKind,
  kindName: z.string(),
  replyDeadline: z.string().nullable(),
  replyOverdue: z.boolean(),
  mainHandlers: z.array(UnitRef),
  assistingHandlers: z.array(UnitRef),
  /** How many commitments (落实事项), and how many are done. */
  commitments: z.number().int(),
  commitmentsDone: z.number().int(),
  /** The latest rating. */
  satisfaction: Satisfaction.nullable(),
  rehandleCount: z.number().int(),
  /** What the handlers owe next, by when. */
  nextDue: z.object({ what: z.enum(['reply', 'commitment']), date: z.string(), overdue: z.boolean() }).nullable(),
  version: z.number().int(),
});
export type ProposalItem = z.infer<typeof ProposalItem>;

export const ProposalPage = z.object({
  items: z.array(ProposalItem),
  counts: z.object({
    total: z.number(),
    byStatus: z.record(ProposalStatus, z.number()),
    byKind: z.record(ProposalKind, z.number()),
    key: z.number(),
    replyOverdue: z.number(),
  }),
  /** The years that have proposals, latest first. */
  years: z.array(z.number().int()),
});
export type ProposalPage = z.infer<typeof ProposalPage>;

export const ProposalDetail = ProposalItem.extend({
  content: z.string(),
  proposers: z.array(z.object({ name: z.string(), accountId: z.string().nullable() })),
  /** 牵头督办领导 of a key proposal. */
  leader: z.object({ accountId: z.string(), name: z.string().nullable() }).nullable(),
  firstReplyDeadline: z.string().nullable(),
  /** The reply deadline the rules give when the office sets none: 交办 date + 3 months (docs/proposals.md). */
  defaultReplyDeadline: z.string(),
  /** Face-to-face consultations with the proposer (见面协商), or the reason none was needed, per handling round. */
  consultations: z.array(
    z.object({
      /** 0 for the first handling, n after the n-th 不满意. */
      round: z.number().int(),
      on: z.string(),
      participants: z.string().nullable(),
      outcome: z.string().nullable(),
      /** Set when the consultation was marked as not needed; then participants and outcome are null. */
      waivedReason: z.string().nullable(),
      by: z.string(),
    }),
  ),
  /** A consultation (or its waiver) is on record for the current round: the reply may be recorded. */
  consulted: z.boolean(),
  replies: z.array(
    z.object({
      on: z.string(),
      summary: z.string(),
      /** Null on replies recorded before classes were kept. */
      replyClass: ReplyClass.nullable(),
      replyClassName: z.string().nullable(),
      files: z.array(FileRef),
    }),
  ),
  commitmentList: z.array(
    z.object({
      index: z.number().int(),
      title: z.string(),
      deadline: z.string(),
      doneOn: z.string().nullable(),
      evidenceCount: z.number().int(),
      overdue: z.boolean(),
      evidence: z.array(FileRef),
    }),
  ),
  ratings: z.array(
    z.object({
      by: z.string(),
      byName: z.string().nullable(),
      on: z.string(),
      satisfaction: Satisfaction,
      satisfactionName: z.string(),
    }),
  ),
  progress: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      by: z.string(),
      text: z.string(),
      files: z.array(FileRef),
      heard: z.object({ at: z.string(), by: z.string(), comment: z.string().nullable() }).nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      typeName: z.string(),
      at: z.string(),
      actorName: z.string(),
      /** The action as recorded, per type. */
      record: z.record(z.string(), z.unknown()),
    }),
  ),
  /** What the caller may do now. */
  allowedActions: z.array(ProposalCommand),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

const yearStats = {
  year: z.number().int(),
  proposals: z.number(),
  repliesDue: z.number(),
  repliedOnTime: z.number(),
  onTimeReplyRate: z.number().nullable(),
  implementationProposals: z.number(),
  commitments: z.number(),
  commitmentsDone: z.number(),
  implementationRate: z.number().nullable(),
  rated: z.number(),
  satisfiedOrBasically: z.number(),
  satisfactionRate: z.number().nullable(),
  /** Replied proposals by the class of their latest reply (A/B/C); older unclassed replies are not counted. */
  byReplyClass: z.object({ A: z.number(), B: z.number(), C: z.number() }),
};

/** Yearly statistics, overall and per main handler; rates are null when nothing is due. */
export const ProposalStats = z.object({
  asOf: z.string(),
  ...yearStats,
  byMainHandler: z.array(z.object({ unitId: z.string(), name: z.string(), ...yearStats })),
});
export type ProposalStats = z.infer<typeof ProposalStats>;

export const CreatedSupervisionRecord = z.object({ id: z.string() });
export type CreatedSupervisionRecord = z.infer<typeof CreatedSupervisionRecord>;

export const SupervisorAssignmentList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      supervisor: z.object({ accountId: z.string(), name: z.string() }),
      unit: UnitRef,
      termStart: z.string(),
      termEnd: z.string(),
      active: z.boolean(),
      /** The caller is the supervisor. */
      mine: z.boolean(),
      visits: z.array(z.object({ id: z.string(), visitedOn: z.string(), notes: z.string() })),
    }),
  ),
});
export type SupervisorAssignmentList = z.infer<typeof SupervisorAssignmentList>;

const OpinionAction = z.enum(['track', 'answer', 'close', 'reopen']);

export const SupervisorOpinion = z.object({
  id: z.string(),
  assignmentId: z.string(),
  visitId: z.string().nullable(),
  unitName: z.string(),
  supervisorName: z.string(),
  text: z.string(),
  recordedOn: z.string(),
  status: OpinionStatus,
  statusName: z.string(),
  /** Made a tracked item (跟踪办理). */
  tracked: z.boolean(),
  responsibleUnit: z.object({ unitId: z.string(), name: z.string().nullable() }).nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
  closedOn: z.string().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      type: z.union([OpinionAction, z.literal('record')]),
      text: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
  allowedActions: z.array(OpinionAction),
});
export type SupervisorOpinion = z.infer<typeof SupervisorOpinion>;
export const SupervisorOpinionList = z.object({ items: z.array(SupervisorOpinion) });
export type SupervisorOpinionList = z.infer<typeof SupervisorOpinionList>;

// ---- names (the console's labels; the domain keeps its own copy until it imports these) ----

export const PROPOSAL_STATUS_NAMES: Record<ProposalStatus, string> = {
  registered: '已登记',
  assigned: '已交办',
  replied: '已答复',
  implementing: '落实中',
  completed: '办结',
};

export const PROPOSAL_KIND_NAMES: Record<ProposalKind, string> = { reply: '答复型', implementation: '落实型' };

export const SATISFACTION_NAMES: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const REPLY_CLASS_NAMES: Record<ReplyClass, string> = {
  A: '解决或采纳',
  B: '列入计划拟解决',
  C: '留作参考',
};

export const PROPOSAL_COMMAND_NAMES: Record<ProposalCommand | 'register', string> = {
  register: '登记',
  assign: '交办',
  mark_key: '列为重点提案',
  consult: '见面协商',
  waive_consultation: '无需见面协商',
  reply: '答复',
  add_commitment: '增加落实事项',
  complete_commitment: '落实事项完成',
  complete: '办结',
  rate: '提案人评价',
  report_progress: '汇报办理进展',
  hear_progress: '领导听取汇报',
};

export const OPINION_STATUS_NAMES: Record<OpinionStatus, string> = {
  recorded: '已记录',
  open: '跟踪办理',
  answered: '已答复',
  done: '已办结',
};

export const OPINION_ACTIONS = ['track', 'answer', 'close', 'reopen'] as const;
export type OpinionActionType = (typeof OPINION_ACTIONS)[number];
export const OPINION_ACTION_NAMES: Record<OpinionActionType | 'record', string> = {
  record: '记录意见',
  track: '转为跟踪事项',
  answer: '单位答复',
  close: '办结',
  reopen: '重新办理',
};

// ---- request bodies, as the console sends them (the same rules as the module's proposal.schemas.ts) ----

const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in YYYY-MM-DD form');
const words = (max: number) => z.string().trim().min(1).max(max);
const seen = { expectedVersion: z.number().int().min(1).optional() };

export const RegisterProposalRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  number: z.string().max(20).optional(),
  title: words(200),
  category: words(50),
  content: words(20000),
  proposers: z
    .array(z.strictObject({ name: words(50), username: z.string().min(1).max(50).optional() }))
    .min(1)
    .max(50),
  submittedOn: day().optional(),
});
export type RegisterProposalRequest = z.input<typeof RegisterProposalRequest>;

/** 交办: without a replyDeadline the rules' default applies (交办 date + 3 months). */
export const AssignProposalRequest = z.strictObject({
  mainHandlerIds: z.array(z.uuid()).max(10),
  assistingHandlerIds: z.array(z.uuid()).max(20).default([]),
  replyDeadline: day().optional(),
  ...seen,
});
export type AssignProposalRequest = z.input<typeof AssignProposalRequest>;

/** 见面协商: when, who took part (the proposer and the handler's people), and what came of it. */
export const ConsultRequest = z.strictObject({
  on: day(),
  participants: words(500),
  outcome: words(5000),
  ...seen,
});
export type ConsultRequest = z.input<typeof ConsultRequest>;
/** No face-to-face consultation is needed, and why (e.g. the proposer said so). */
export const WaiveConsultationRequest = z.strictObject({ reason: words(1000), ...seen });
export type WaiveConsultationRequest = z.input<typeof WaiveConsultationRequest>;
export const ReplyRequest = z.strictObject({
  summary: words(20000),
  replyClass: ReplyClass,
  fileIds: z.array(z.uuid()).max(20).optional(),
  ...seen,
});
export type ReplyRequest = z.input<typeof ReplyRequest>;

// ---- the category list (类别), kept by the 提案委 ----

export const ProposalCategory = z.object({
  id: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** Retired categories stay on the proposals that carry them but are not offered at registration. */
  active: z.boolean(),
});
export type ProposalCategory = z.infer<typeof ProposalCategory>;
export const ProposalCategoryList = z.object({ items: z.array(ProposalCategory) });
export type ProposalCategoryList = z.infer<typeof ProposalCategoryList>;
export const CreateProposalCategoryRequest = z.strictObject({
  name: words(50),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export type CreateProposalCategoryRequest = z.input<typeof CreateProposalCategoryRequest>;
export const UpdateProposalCategoryRequest = z.strictObject({
  name: words(50).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});
export type UpdateProposalCategoryRequest = z.input<typeof UpdateProposalCategoryRequest>;

export const AssignSupervisorRequest = z.strictObject({
  supervisorUsername: z.string().min(1).max(50),
  unitId: z.uuid(),
  termStart: day(),
  termEnd: day(),
});
export type AssignSupervisorRequest = z.input<typeof AssignSupervisorRequest>;
export const VisitRequest = z.strictObject({ visitedOn: day(), notes: words(5000) });
export type VisitRequest = z.input<typeof VisitRequest>;
export const OpinionRequest = z.strictObject({
  text: words(5000),
  visitId: z.uuid().optional(),
  responsibleUnitId: z.uuid().optional(),
  deadline: day().optional(),
});
export type OpinionRequest = z.input<typeof OpinionRequest>;

/** The body of each opinion command (POST /supervisor-opinions/:id/<action>). */
export const OpinionCommandRequests = {
  track: z.strictObject({ responsibleUnitId: z.uuid(), deadline: day(), ...seen }),
  answer: z.strictObject({ reply: words(5000), ...seen }),
  close: z.strictObject({ comment: z.string().trim().max(2000).optional(), ...seen }),
  reopen: z.strictObject({ comment: words(2000), ...seen }),
} satisfies Record<OpinionActionType, z.ZodType>;
export type OpinionCommandRequest<A extends OpinionActionType> = z.input<(typeof OpinionCommandRequests)[A]>;
