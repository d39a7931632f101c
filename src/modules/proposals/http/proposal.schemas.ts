import { z } from 'zod';
import { q } from '../../../kernel/http/route.js';

const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in YYYY-MM-DD form');
const text = (max: number) => z.string().trim().min(1).max(max);
const fileIds = () => z.array(z.uuid()).max(20);
const version = { expectedVersion: z.number().int().min(1).optional() };

export const RegisterProposalBody = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  number: z.string().max(20).optional(),
  title: text(200),
  category: text(50),
  content: text(20000),
  proposers: z
    .array(z.strictObject({ name: text(50), username: z.string().min(1).max(50).optional() }))
    .min(1)
    .max(50),
  submittedOn: date().optional(),
});

// The commands the console also sends are declared once, in the contract.
export {
  AssignProposalRequest as AssignBody,
  ConsultRequest as ConsultBody,
  WaiveConsultationRequest as WaiveConsultationBody,
  ReplyRequest as ReplyBody,
  CreateProposalCategoryRequest as CreateCategoryBody,
  UpdateProposalCategoryRequest as UpdateCategoryBody,
} from '../../../contracts/proposals.js';
export const CategoriesQuery = z.strictObject({ active: q.bool().optional() });
export const MarkKeyBody = z.strictObject({ leaderUsername: z.string().min(1).max(50), ...version });
export const CommitmentBody = z.strictObject({ title: text(200), deadline: date(), ...version });
export const CompleteCommitmentBody = z.strictObject({
  fileIds: fileIds(),
  note: z.string().trim().max(2000).optional(),
  ...version,
});
export const CompleteBody = z.strictObject({ comment: z.string().trim().max(2000).optional(), ...version });
export const RateBody = z.strictObject({
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
  comment: z.string().trim().max(2000).optional(),
  ...version,
});
export const ProgressBody = z.strictObject({ text: text(5000), fileIds: fileIds().optional(), ...version });
export const HearBody = z.strictObject({ comment: z.string().trim().max(2000).optional(), ...version });

export const ListProposalsQuery = z.strictObject({
  year: q.int(2000, 2100).optional(),
  status: z.enum(['registered', 'assigned', 'replied', 'implementing', 'completed']).optional(),
  kind: z.enum(['reply', 'implementation']).optional(),
  key: q.bool().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  supervisedByMe: q.bool().optional(),
  replyOverdue: q.bool().optional(),
  /** Only proposals waiting at 已交办 for a reply from a main handler (主办) the caller handles for (工作台 待答复). */
  toReply: q.bool().optional(),
  /**
   * Only proposals with a handling unit (主办 or 协办) in this unit's subtree — the district: all —
   * as the dashboard's 提案数 of an area; a unit outside the caller's scope is refused (403).
   */
  unitId: z.uuid().optional(),
  limit: q.int(1, 500).optional(),
  offset: q.int(0, 1_000_000).optional(),
});
export const StatsQuery = z.strictObject({
  year: q.int(2000, 2100),
  asOf: date().optional(),
  /** The statistics of one area's proposals (a handling unit in it; the district: all), as the dashboard's. */
  unitId: z.uuid().optional(),
});

export const AssignSupervisorBody = z.strictObject({
  supervisorUsername: z.string().min(1).max(50),
  unitId: z.uuid(),
  termStart: date(),
  termEnd: date(),
});
export const VisitBody = z.strictObject({ visitedOn: date(), notes: text(5000) });
export const OpinionBody = z.strictObject({
  text: text(5000),
  visitId: z.uuid().optional(),
  responsibleUnitId: z.uuid().optional(),
  deadline: date().optional(),
});
export const TrackBody = z.strictObject({ responsibleUnitId: z.uuid(), deadline: date(), ...version });
export const AnswerBody = z.strictObject({ reply: text(5000), ...version });
export const CloseBody = z.strictObject({ comment: z.string().trim().max(2000).optional(), ...version });
export const ReopenBody = z.strictObject({ comment: text(2000), ...version });
export const ListOpinionsQuery = z.strictObject({
  status: z.enum(['recorded', 'open', 'answered', 'done']).optional(),
  overdue: q.bool().optional(),
  assignmentId: z.uuid().optional(),
});
