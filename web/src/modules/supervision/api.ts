import { api, ApiError, withQuery } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';
import type {
  AssessmentRulesBody,
  MeetingBody,
  MeetingItemInput,
  NoticeBody,
  ProgressReportBody,
  QualityMarkBody,
  TaskBody,
  TaskDetail,
  TaskStatus,
  TaskSummary,
  TopicBody,
  MEETING_KINDS,
  TASK_KINDS,
} from '../../../../src/contracts/supervision';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/supervision.ts), so the two never drift. */
export type { MeetingBody, NoticeBody, ProgressReportBody, TaskBody, TaskDetail, TaskStatus, TaskSummary };
export type MeetingItemBody = z.input<typeof MeetingItemInput>;
export type QualityMark = z.input<typeof QualityMarkBody>;
export type Topic = z.input<typeof TopicBody>;
export type AssessmentRule = z.input<typeof AssessmentRulesBody>['rules'][number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface Named {
  id: string;
  name: string;
}

export type StatusCounts = Record<TaskStatus, number>;

export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  chair: Named | null;
  itemCount: number;
  taskCount: number;
}

export interface MeetingItem {
  id: string;
  kind: 'decision' | 'opinion';
  seq: number;
  content: string;
  projectId: string | null;
  tasks: TaskSummary[];
}

export interface MeetingDetail {
  id: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  chair: Named | null;
  attendees: Named[];
  attendeeUnits: Named[];
  summary: string | null;
  topic: { id: string; title: string } | null;
  items: MeetingItem[];
}

export interface TaskNotice {
  id: string;
  kind: 'urge' | 'supervise';
  task: { id: string; title: string };
  toUnit: Named;
  content: string;
  replyDueAt: string;
  sentBy: string;
  sentAt: string;
  reply: string | null;
  repliedBy?: string | null;
  repliedAt: string | null;
  escalatedAt?: string | null;
  overdue: boolean;
}

export interface TaskListQuery {
  view?: 'led' | 'owed' | 'all';
  status?: TaskStatus;
  kind?: TaskKind;
  roots?: 'true';
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface OwedItem {
  task: TaskSummary;
  what: 'milestone' | 'report' | 'notice' | 'deadline';
  title: string;
  due: string;
  overdue: boolean;
}

export interface UnitAssessment {
  unitId: string;
  unitName: string;
  rank: number;
  total: number;
  breakdown: { kind: AssessmentRule['kind']; points: number; value: number | null }[];
  facts: {
    milestonesDue: number;
    milestonesOnTime: number;
    reportPeriodsDue: number;
    reportPeriodsReported: number;
    overdueTasks: number;
    qualityMarks: number[];
  };
}

export interface Assessment {
  period: { from: string; to: string };
  asOf: string;
  rules: AssessmentRule[];
  units: UnitAssessment[];
}

export interface ConsultationTopic {
  id: string;
  year: number;
  title: string;
  form: Topic['form'];
  plannedMonth: string;
  leadUnits: Named[];
  meetings: { id: string; title: string; heldOn: string }[];
  tasks: TaskSummary[];
}

export interface ImportResult {
  created: number;
  items: { row: number; title: string; id: string }[];
}

/**
 * A proposal list item as the proposals module (built on branch wt-proposals) presents it; only the
 * fields read here, all optional but id and title, since that module is not merged yet.
 */
export interface SupervisedProposal {
  id: string;
  number?: string | null;
  title: string;
  statusName?: string | null;
  kindName?: string | null;
  mainHandlers?: { unitId: string; name: string }[];
  replyDeadline?: string | null;
  replyOverdue?: boolean;
  commitments?: number;
  commitmentsDone?: number;
}

const enc = encodeURIComponent;

export const supervisionApi = {
  leaders: () => api.get<{ items: Named[] }>('/supervision/leaders'),

  meetings: (year?: number, signal?: AbortSignal) =>
    api.get<{ items: MeetingSummary[] }>('/meetings', { year }, { signal }),
  meeting: (id: string, signal?: AbortSignal) => api.get<MeetingDetail>(`/meetings/${enc(id)}`, undefined, { signal }),
  createMeeting: (body: MeetingBody) => api.post<{ id: string }>('/meetings', body),
  addMeetingItem: (id: string, body: MeetingItemBody) => api.post<{ id: string }>(`/meetings/${enc(id)}/items`, body),

  tasks: (q: TaskListQuery, signal?: AbortSignal) =>
    api.get<{ items: TaskSummary[]; nextCursor: string | null; counts: StatusCounts }>('/tasks', { ...q }, { signal }),
  task: (id: string, signal?: AbortSignal) => api.get<TaskDetail>(`/tasks/${enc(id)}`, undefined, { signal }),
  createTask: (body: TaskBody) => api.post<TaskDetail>('/tasks', body),
  report: (id: string, body: ProgressReportBody) => api.post<TaskDetail>(`/tasks/${enc(id)}/reports`, body),
  milestoneDone: (id: string, milestoneId: string) =>
    api.post<TaskDetail>(`/tasks/${enc(id)}/milestones/${enc(milestoneId)}/done`),
  sendNotice: (id: string, body: NoticeBody) => api.post<{ id: string }>(`/tasks/${enc(id)}/notices`, body),
  replyNotice: (noticeId: string, reply: string) =>
    api.post<{ id: string }>(`/task-notices/${enc(noticeId)}/reply`, { reply }),
  notices: (q: { view: 'received' | 'sent'; open?: 'true' }) => api.get<{ items: TaskNotice[] }>('/task-notices', q),

  leaderView: (signal?: AbortSignal) =>
    api.get<{ counts: StatusCounts; tasks: TaskSummary[]; notices: TaskNotice[] }>(
      '/supervision/leader-view',
      undefined,
      {
        signal,
      },
    ),
  unitView: (signal?: AbortSignal) =>
    api.get<{ today?: string; items: OwedItem[] }>('/supervision/unit-view', undefined, { signal }),

  assessment: (period: string, signal?: AbortSignal) => api.get<Assessment>('/assessment', { period }, { signal }),
  assessmentXlsxUrl: (period: string) => withQuery('/api/v1/assessment.xlsx', { period }),
  rules: () => api.get<{ rules: AssessmentRule[] }>('/assessment/rules'),
  saveRules: (rules: AssessmentRule[]) => api.put<{ rules: AssessmentRule[] }>('/assessment/rules', { rules }),
  addMark: (body: QualityMark) => api.post<{ id: string }>('/assessment/marks', body),

  topics: (year?: number, signal?: AbortSignal) =>
    api.get<{ items: ConsultationTopic[] }>('/consultation-topics', { year }, { signal }),
  createTopic: (body: Topic) => api.post<{ id: string }>('/consultation-topics', body),

  importTemplateUrl: '/api/v1/tasks/import-template.xlsx',

  /** Key proposals this leader supervises; null when the proposals module is not there (404). */
  supervisedProposals: async (signal?: AbortSignal): Promise<SupervisedProposal[] | null> => {
    try {
      const r = await api.get<{ items: SupervisedProposal[] }>('/proposals', { supervisedByMe: 'true' }, { signal });
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
