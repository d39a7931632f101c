import { api, withQuery } from '../../lib/api';

export type ProposalStatus = 'registered' | 'assigned' | 'replied' | 'implementing' | 'completed';
export type ProposalKind = 'reply' | 'implementation';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type ProposalCommand =
  | 'assign'
  | 'mark_key'
  | 'reply'
  | 'add_commitment'
  | 'complete_commitment'
  | 'complete'
  | 'rate'
  | 'report_progress'
  | 'hear_progress';

export interface UnitName {
  unitId: string;
  name: string;
}

export interface FileRef {
  fileId: string;
  url: string;
  thumbnailUrl: string;
}

export interface ProposalItem {
  id: string;
  number: string;
  year: number;
  title: string;
  category: string;
  proposerNames: string[];
  submittedOn: string;
  isKey: boolean;
  leaderName: string | null;
  status: ProposalStatus;
  statusName: string;
  kind: ProposalKind;
  kindName: string;
  replyDeadline: string | null;
  replyOverdue: boolean;
  mainHandlers: UnitName[];
  assistingHandlers: UnitName[];
  commitments: number;
  commitmentsDone: number;
  satisfaction: Satisfaction | null;
  rehandleCount: number;
  /** What the handlers owe next: the reply while assigned, else the earliest open commitment. */
  nextDue: { what: 'reply' | 'commitment'; date: string; overdue: boolean } | null;
  version: number;
}

export interface ProposalDetail extends ProposalItem {
  content: string;
  proposers: { name: string; accountId: string | null }[];
  leader: { accountId: string; name: string | null } | null;
  firstReplyDeadline: string | null;
  replies: { on: string; summary: string; files: FileRef[] }[];
  commitmentList: {
    index: number;
    title: string;
    deadline: string;
    doneOn: string | null;
    evidenceCount: number;
    overdue: boolean;
    evidence: FileRef[];
  }[];
  ratings: { by: string; byName: string | null; on: string; satisfaction: Satisfaction; satisfactionName: string }[];
  progress: {
    seq: number;
    at: string;
    by: string;
    text: string;
    files: FileRef[];
    heard: { at: string; by: string; comment: string | null } | null;
  }[];
  timeline: {
    seq: number;
    type: string;
    typeName: string;
    at: string;
    actorName: string;
    record: Record<string, unknown>;
  }[];
  allowedActions: ProposalCommand[];
}

export interface ProposalList {
  items: ProposalItem[];
  counts: {
    total: number;
    byStatus: Record<ProposalStatus, number>;
    byKind: Record<ProposalKind, number>;
    key: number;
    replyOverdue: number;
  };
  years: number[];
}

export interface YearStats {
  year: number;
  proposals: number;
  repliesDue: number;
  repliedOnTime: number;
  onTimeReplyRate: number | null;
  implementationProposals: number;
  commitments: number;
  commitmentsDone: number;
  implementationRate: number | null;
  rated: number;
  satisfiedOrBasically: number;
  satisfactionRate: number | null;
}

export interface ProposalStats extends YearStats {
  asOf: string;
  byMainHandler: (YearStats & UnitName)[];
}

export interface RegisterInput {
  title: string;
  category: string;
  content: string;
  proposers: { name: string; username?: string }[];
  submittedOn?: string;
  number?: string;
}

export type OpinionStatus = 'recorded' | 'open' | 'answered' | 'done';
export type OpinionCommand = 'track' | 'answer' | 'close' | 'reopen';

export interface Assignment {
  id: string;
  supervisor: { accountId: string; name: string };
  unit: UnitName;
  termStart: string;
  termEnd: string;
  active: boolean;
  mine: boolean;
  visits: { id: string; visitedOn: string; notes: string }[];
}

export interface Opinion {
  id: string;
  assignmentId: string;
  visitId: string | null;
  unitName: string;
  supervisorName: string;
  text: string;
  recordedOn: string;
  status: OpinionStatus;
  statusName: string;
  tracked: boolean;
  responsibleUnit: { unitId: string; name: string | null } | null;
  deadline: string | null;
  overdue: boolean;
  reply: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  closedOn: string | null;
  history: { at: string; by: string; type: string; text: string | null }[];
  version: number;
  allowedActions: OpinionCommand[];
}

export interface ListQuery {
  year?: number;
  status?: ProposalStatus;
  kind?: ProposalKind;
  key?: boolean;
  q?: string;
  supervisedByMe?: boolean;
  replyOverdue?: boolean;
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
  stats: (year: number, signal?: AbortSignal) => api.get<ProposalStats>('/proposals/stats', { year }, { signal }),
  /** One command; `path` is the command's URL under the proposal. */
  command: (id: string, path: string, body: Record<string, unknown>) =>
    api.post<ProposalDetail>(`${p(id)}${path}`, body),

  assignments: (signal?: AbortSignal) =>
    api.get<{ items: Assignment[] }>('/supervisor-assignments', undefined, { signal }),
  assignSupervisor: (body: { supervisorUsername: string; unitId: string; termStart: string; termEnd: string }) =>
    api.post<{ id: string }>('/supervisor-assignments', body),
  visit: (assignmentId: string, body: { visitedOn: string; notes: string }) =>
    api.post<{ id: string }>(`/supervisor-assignments/${assignmentId}/visits`, body),
  opinion: (
    assignmentId: string,
    body: { text: string; visitId?: string; responsibleUnitId?: string; deadline?: string },
  ) => api.post<{ id: string }>(`/supervisor-assignments/${assignmentId}/opinions`, body),
  opinions: (query: { status?: OpinionStatus; overdue?: boolean }, signal?: AbortSignal) =>
    api.get<{ items: Opinion[] }>(
      '/supervisor-opinions',
      { status: query.status, overdue: query.overdue ? 'true' : undefined },
      { signal },
    ),
  opinionCommand: (id: string, command: OpinionCommand, body: Record<string, unknown>) =>
    api.post<Opinion>(`/supervisor-opinions/${id}/${command}`, body),
};
