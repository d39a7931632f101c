import { api, ApiError, withQuery } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';
import type {
  Assessment,
  AssessmentRules,
  AssessmentRulesBody,
  Created,
  LeaderList,
  LeaderView,
  MeetingBody,
  MeetingDetail,
  MeetingItemInput,
  MeetingList,
  MilestonesDue,
  NoticeBody,
  NoticeList,
  ProgressReportBody,
  QualityMarkBody,
  SentNotice,
  TaskBody,
  TaskDetail,
  TaskKind,
  TaskListQuery as TaskListQuerySchema,
  TaskPage,
  TaskStatus,
  TaskSummary,
  TopicBody,
  TopicList,
  UnitView,
  WorkPlanImported,
  MEETING_KINDS,
} from '../../../../src/contracts/supervision';
import type { ProposalItem, ProposalPage } from '../../../../src/contracts/proposals';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/supervision.ts), so the two never drift. */
export type { Assessment, MeetingBody, MeetingDetail, NoticeBody, ProgressReportBody, TaskBody, TaskDetail };
export type { MilestonesDue, TaskStatus, TaskSummary };
export type MeetingItemBody = z.input<typeof MeetingItemInput>;
export type QualityMark = z.input<typeof QualityMarkBody>;
export type Topic = z.input<typeof TopicBody>;
export type AssessmentRule = z.input<typeof AssessmentRulesBody>['rules'][number];
export type TaskKind = z.infer<typeof TaskKind>;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type Named = LeaderList['items'][number];
export type StatusCounts = TaskPage['counts'];
export type MeetingSummary = MeetingList['items'][number];
export type MeetingItem = MeetingDetail['items'][number];
/** A 督办 / 催办 as the lists show it (the leader view's lack who replied). */
export type TaskNotice = LeaderView['notices'][number] &
  Partial<Pick<NoticeList['items'][number], 'repliedBy' | 'escalatedAt'>>;
export type OwedItem = UnitView['items'][number];
export type UnitAssessment = Assessment['units'][number];
export type ConsultationTopic = TopicList['items'][number];
export type ImportResult = WorkPlanImported;
/** A key proposal the leader supervises (the proposals module's list item). */
export type SupervisedProposal = ProposalItem;
/** The board's filters as the query string carries them. */
export type TaskListQuery = Omit<z.input<typeof TaskListQuerySchema>, 'status' | 'limit'> & {
  status?: TaskStatus;
  limit?: number;
};

const enc = encodeURIComponent;

export const supervisionApi = {
  leaders: () => api.get<LeaderList>('/supervision/leaders'),

  meetings: (year?: number, signal?: AbortSignal) => api.get<MeetingList>('/meetings', { year }, { signal }),
  meeting: (id: string, signal?: AbortSignal) => api.get<MeetingDetail>(`/meetings/${enc(id)}`, undefined, { signal }),
  createMeeting: (body: MeetingBody) => api.post<Created>('/meetings', body),
  addMeetingItem: (id: string, body: MeetingItemBody) => api.post<Created>(`/meetings/${enc(id)}/items`, body),

  tasks: (q: TaskListQuery, signal?: AbortSignal) => api.get<TaskPage>('/tasks', { ...q }, { signal }),
  task: (id: string, signal?: AbortSignal) => api.get<TaskDetail>(`/tasks/${enc(id)}`, undefined, { signal }),
  createTask: (body: TaskBody) => api.post<TaskDetail>('/tasks', body),
  report: (id: string, body: ProgressReportBody) => api.post<TaskDetail>(`/tasks/${enc(id)}/reports`, body),
  milestoneDone: (id: string, milestoneId: string) =>
    api.post<TaskDetail>(`/tasks/${enc(id)}/milestones/${enc(milestoneId)}/done`),
  sendNotice: (id: string, body: NoticeBody) => api.post<SentNotice>(`/tasks/${enc(id)}/notices`, body),
  replyNotice: (noticeId: string, reply: string) =>
    api.post<Created>(`/task-notices/${enc(noticeId)}/reply`, { reply }),
  notices: (q: { view: 'received' | 'sent'; open?: 'true' }) => api.get<NoticeList>('/task-notices', q),

  leaderView: (signal?: AbortSignal) =>
    api.get<LeaderView>('/supervision/leader-view', undefined, {
      signal,
    }),
  unitView: (signal?: AbortSignal) => api.get<UnitView>('/supervision/unit-view', undefined, { signal }),

  milestonesDue: (q: { unitId?: string; from: string; to: string }, signal?: AbortSignal) =>
    api.get<MilestonesDue>('/supervision/milestones-due', q, { signal }),
  assessment: (period: string, signal?: AbortSignal) => api.get<Assessment>('/assessment', { period }, { signal }),
  assessmentXlsxUrl: (period: string) => withQuery('/api/v1/assessment.xlsx', { period }),
  rules: () => api.get<AssessmentRules>('/assessment/rules'),
  saveRules: (rules: AssessmentRule[]) => api.put<AssessmentRules>('/assessment/rules', { rules }),
  addMark: (body: QualityMark) => api.post<Created>('/assessment/marks', body),

  topics: (year?: number, signal?: AbortSignal) => api.get<TopicList>('/consultation-topics', { year }, { signal }),
  createTopic: (body: Topic) => api.post<Created>('/consultation-topics', body),

  importTemplateUrl: '/api/v1/tasks/import-template.xlsx',

  /** Key proposals this leader supervises; null when the proposals module is not there (404). */
  supervisedProposals: async (signal?: AbortSignal): Promise<SupervisedProposal[] | null> => {
    try {
      const r = await api.get<ProposalPage>('/proposals', { supervisedByMe: 'true' }, { signal });
      return Array.isArray(r?.items) ? r.items : null;
    } catch (e) {
      // 404 until the module is merged; 400 while its list does not know supervisedByMe yet.
      if (e instanceof ApiError && [400, 403, 404, 405, 422].includes(e.status)) return null;
      throw e;
    }
  },
};

/** POST /api/v1/tasks/import (multipart, field "file"). */
export function importWorkPlan(file: File): Promise<ImportResult> {
  return uploadMultipart<ImportResult>('/tasks/import', file, file.name);
}
