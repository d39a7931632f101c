import { api, withQuery } from '../../lib/api';
import type {
  AssignSupervisorRequest,
  CreatedSupervisionRecord,
  OpinionActionType,
  OpinionCommandRequest,
  OpinionRequest,
  OpinionStatus,
  ProposalCommand,
  ProposalDetail,
  ProposalItem,
  ProposalKind,
  ProposalPage,
  ProposalStats,
  ProposalStatus,
  ProposalCategory,
  ProposalCategoryList,
  CreateProposalCategoryRequest,
  UpdateProposalCategoryRequest,
  RegisterProposalRequest,
  ReplyClass,
  Satisfaction,
  SupervisorAssignmentList,
  SupervisorOpinion,
  SupervisorOpinionList,
  VisitRequest,
} from '../../../../src/contracts/proposals';

/** The shapes come from the server's contract (src/contracts/proposals.ts), so the two never drift. */
export type {
  OpinionStatus,
  ProposalCommand,
  ProposalDetail,
  ProposalItem,
  ProposalKind,
  ProposalStats,
  ProposalStatus,
  ProposalCategory,
  ReplyClass,
  Satisfaction,
};
export type ProposalList = ProposalPage;
export type FileRef = ProposalDetail['replies'][number]['files'][number];
export type YearStats = Omit<ProposalStats, 'asOf' | 'byMainHandler'>;
export type RegisterInput = RegisterProposalRequest;
export type OpinionCommand = OpinionActionType;
export type Assignment = SupervisorAssignmentList['items'][number];
export type Opinion = SupervisorOpinion;

/** The list's filters (the query string carries the booleans as 'true'). */
export interface ListQuery {
  year?: number;
  status?: ProposalStatus;
  kind?: ProposalKind;
  key?: boolean;
  q?: string;
  supervisedByMe?: boolean;
  replyOverdue?: boolean;
  /** Only those at 已交办 whose reply my unit owes as main handler (the 工作台's 待答复提案), any year unless one is named. */
  toReply?: boolean;
  /** Only proposals handled in this unit's area (a handling unit in it; the district: all). */
  unitId?: string;
}

/** The yearly statistics' filters: as of a day (default today), of one area. */
export interface StatsQuery {
  year: number;
  asOf?: string;
  unitId?: string;
}

const p = (id: string) => `/proposals/${encodeURIComponent(id)}`;

export const proposalsApi = {
  list: (query: ListQuery, signal?: AbortSignal) =>
    api.get<ProposalList>(
      '/proposals',
      {
        ...query,
        key: query.key ? 'true' : undefined,
        supervisedByMe: query.supervisedByMe ? 'true' : undefined,
        replyOverdue: query.replyOverdue ? 'true' : undefined,
        limit: 500,
      },
      { signal },
    ),
  /** The list's filters as an .xlsx download (a plain link, so the browser saves it with the session cookie). */
  exportUrl: (query: ListQuery) =>
    withQuery('/api/v1/proposals/export.xlsx', {
      ...query,
      key: query.key ? 'true' : undefined,
      supervisedByMe: query.supervisedByMe ? 'true' : undefined,
      replyOverdue: query.replyOverdue ? 'true' : undefined,
    }),
  get: (id: string, signal?: AbortSignal) => api.get<ProposalDetail>(p(id), undefined, { signal }),
  register: (body: RegisterInput) => api.post<ProposalDetail>('/proposals', body),
  stats: (q: StatsQuery, signal?: AbortSignal) => api.get<ProposalStats>('/proposals/stats', { ...q }, { signal }),
  /** One command; `path` is the command's URL under the proposal. */
  command: (id: string, path: string, body: Record<string, unknown>) =>
    api.post<ProposalDetail>(`${p(id)}${path}`, body),

  /** The category list (类别); `active` only those offered at registration. */
  categories: (active: boolean, signal?: AbortSignal) =>
    api.get<ProposalCategoryList>('/proposal-categories', active ? { active: 'true' } : undefined, { signal }),
  addCategory: (body: CreateProposalCategoryRequest) => api.post<ProposalCategoryList>('/proposal-categories', body),
  updateCategory: (id: string, body: UpdateProposalCategoryRequest) =>
    api.patch<ProposalCategoryList>(`/proposal-categories/${encodeURIComponent(id)}`, body),

  assignments: (signal?: AbortSignal) =>
    api.get<SupervisorAssignmentList>('/supervisor-assignments', undefined, { signal }),
  assignSupervisor: (body: AssignSupervisorRequest) =>
    api.post<CreatedSupervisionRecord>('/supervisor-assignments', body),
  visit: (assignmentId: string, body: VisitRequest) =>
    api.post<CreatedSupervisionRecord>(`/supervisor-assignments/${assignmentId}/visits`, body),
  opinion: (assignmentId: string, body: OpinionRequest) =>
    api.post<CreatedSupervisionRecord>(`/supervisor-assignments/${assignmentId}/opinions`, body),
  opinions: (query: { status?: OpinionStatus; overdue?: boolean }, signal?: AbortSignal) =>
    api.get<SupervisorOpinionList>(
      '/supervisor-opinions',
      { status: query.status, overdue: query.overdue ? 'true' : undefined },
      { signal },
    ),
  opinionCommand: <A extends OpinionCommand>(id: string, command: A, body: OpinionCommandRequest<A>) =>
    api.post<Opinion>(`/supervisor-opinions/${id}/${command}`, body),
};
