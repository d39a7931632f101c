import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { sendXlsx, uploadedSheet, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import {
  Assessment,
  AssessmentQuery,
  MilestonesDue,
  MilestonesDueQuery,
  AssessmentRules,
  AssessmentRulesBody,
  Created,
  LeaderList,
  LeaderView,
  MeetingBody,
  MeetingDetail,
  MeetingItemInput,
  MeetingList,
  NoticeBody,
  NoticeList,
  NoticeReplyBody,
  ProgressReportBody,
  QualityMarkBody,
  SentNotice,
  TaskBody,
  TaskDetail,
  TaskListQuery,
  TaskPage,
  TopicBody,
  TopicList,
  UnitView,
  WorkPlanImported,
} from '../../../contracts/supervision.js';
import { addQualityMark } from '../commands/add-quality-mark.js';
import { assessment } from '../commands/get-assessment.js';
import { assessmentRules } from '../commands/get-assessment-rules.js';
import { assessmentSheet } from '../commands/get-assessment-sheet.js';
import { setAssessmentRules } from '../commands/set-assessment-rules.js';
import { addMeetingItem } from '../commands/add-meeting-item.js';
import { createMeeting } from '../commands/create-meeting.js';
import { createTopic } from '../commands/create-topic.js';
import { meetingDetail } from '../commands/get-meeting-detail.js';
import { listMeetings } from '../commands/list-meetings.js';
import { listTopics } from '../commands/list-topics.js';
import { listNotices } from '../commands/list-notices.js';
import { replyNotice } from '../commands/reply-notice.js';
import { sendNotice } from '../commands/send-notice.js';
import { addProgressReport } from '../commands/add-progress-report.js';
import { completeMilestone } from '../commands/complete-milestone.js';
import { createTask } from '../commands/create-task.js';
import { leaderView } from '../commands/get-leader-view.js';
import { taskDetail } from '../commands/get-task-detail.js';
import { unitView } from '../commands/get-unit-view.js';
import { leaders } from '../commands/list-leaders.js';
import { listTasks } from '../commands/list-tasks.js';
import { listMilestonesDue } from '../commands/list-milestones-due.js';
import { importWorkPlan, workPlanTemplate } from '../commands/work-plan-import.js';
import type { SupervisionDeps } from '../deps.js';

const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export function registerSupervisionRoutes(app: FastifyInstance, deps: SupervisionDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision/leaders',
    tag: 'supervision',
    permission: 'task.read',
    response: LeaderList,
    summary: 'The 区领导 accounts who may lead tasks (牵头领导), for pickers',
    handler: ({ actor }) => leaders(deps, actor),
  });
  // ---- meetings ----
  route(app, {
    method: 'GET',
    url: '/api/v1/meetings',
    tag: 'supervision',
    permission: 'task.read',
    query: YearQuery,
    response: MeetingList,
    summary: 'Meetings (会议) of a year with their decision and task counts',
    handler: ({ actor, query }) => listMeetings(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/meetings',
    tag: 'supervision',
    permission: 'task.manage',
    body: MeetingBody,
    status: 201,
    response: Created,
    summary: 'Record a meeting with its decisions (议定事项) and review opinions',
    handler: ({ actor, body, req }) => createMeeting(deps, actor, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/meetings/:id',
    tag: 'supervision',
    permission: 'task.read',
    params: IdParams,
    response: MeetingDetail,
    summary: 'A meeting: attendees, decisions and opinions with the tasks each became',
    handler: ({ actor, params }) => meetingDetail(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/meetings/:id/items',
    tag: 'supervision',
    permission: 'task.manage',
    params: IdParams,
    body: MeetingItemInput,
    status: 201,
    response: Created,
    summary: 'Add a decision or review opinion to a meeting',
    handler: ({ actor, params, body, req }) => addMeetingItem(deps, actor, params.id, body, req.id),
  });
  // ---- tasks ----
  route(app, {
    method: 'GET',
    url: '/api/v1/tasks',
    tag: 'supervision',
    permission: 'task.read',
    query: TaskListQuery,
    response: TaskPage,
    summary:
      'Tasks in scope (view led / owed / all), by status, kind or title; keyset pages by deadline; counts by status',
    handler: ({ actor, query }) => listTasks(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/tasks',
    tag: 'supervision',
    permission: 'task.read',
    body: TaskBody,
    status: 201,
    response: TaskDetail,
    summary:
      'File a task (交办) from a decision, opinion, topic or by hand; with parentId a sub-task (任务分解) by the office or the parent’s lead unit',
    async handler({ actor, body, req }) {
      const id = await createTask(deps, actor, body, req.id);
      return taskDetail(deps, actor, id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/tasks/import-template.xlsx',
    tag: 'supervision',
    permission: 'task.manage',
    produces: XLSX_MEDIA_TYPE,
    summary: 'The 工作要点 import sheet with its columns and two example rows',
    handler: async ({ reply, req }) => {
      const year = Number(formatLocalDateTime(deps.clock.now(), deps.config.timeZone).slice(0, 4));
      return sendXlsx(reply, req, workPlanTemplate(year), {
        fileName: `工作要点导入模板.xlsx`,
        asciiName: 'work-plan-template.xlsx',
      });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/tasks/import',
    tag: 'supervision',
    permission: 'task.manage',
    status: 201,
    response: WorkPlanImported,
    summary: 'Import a 工作要点 .xlsx sheet (multipart, field "file") into tasks, all or nothing',
    async handler({ actor, req }) {
      const buffer = await uploadedSheet(req);
      return importWorkPlan(deps, actor, buffer, req.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/tasks/:id',
    tag: 'supervision',
    permission: 'task.read',
    params: IdParams,
    response: TaskDetail,
    summary:
      'A task with milestones, progress reports, missing report periods, 督办 notices, sub-tasks and what the caller may do',
    handler: ({ actor, params }) => taskDetail(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/tasks/:id/reports',
    tag: 'supervision',
    permission: 'task.report',
    params: IdParams,
    body: ProgressReportBody,
    status: 201,
    response: TaskDetail,
    summary: 'Report progress (进度报告) with evidence; may complete milestones',
    async handler({ actor, params, body, req }) {
      await addProgressReport(deps, actor, params.id, body, req.id);
      return taskDetail(deps, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/tasks/:id/milestones/:milestoneId/done',
    tag: 'supervision',
    permission: 'task.report',
    params: z.strictObject({ id: z.uuid(), milestoneId: z.uuid() }),
    response: TaskDetail,
    summary: 'Mark a milestone (时间节点) done today',
    async handler({ actor, params, req }) {
      await completeMilestone(deps, actor, params.id, params.milestoneId, req.id);
      return taskDetail(deps, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/tasks/:id/notices',
    tag: 'supervision',
    permission: 'task.notice',
    params: IdParams,
    body: NoticeBody,
    status: 201,
    response: SentNotice,
    summary: 'Send a 催办 or 督办 notice to a unit owing the task, with a reply deadline in working days',
    handler: ({ actor, params, body, req }) => sendNotice(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/task-notices',
    tag: 'supervision',
    permission: 'task.read',
    query: z.strictObject({
      view: z.enum(['received', 'sent', 'all']).default('received'),
      open: z.enum(['true', 'false']).optional(),
    }),
    response: NoticeList,
    summary: '催办 / 督办 notices received by my units or sent by me',
    handler: ({ actor, query }) => listNotices(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/task-notices/:id/reply',
    tag: 'supervision',
    permission: 'task.report',
    params: IdParams,
    body: NoticeReplyBody,
    response: Created,
    summary: 'The unit answers a 催办 / 督办 notice',
    handler: ({ actor, params, body, req }) => replyNotice(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision/leader-view',
    tag: 'supervision',
    permission: 'task.read',
    response: LeaderView,
    summary: '区领导: the tasks I lead by status (lagging and overdue first) and the open 督办 on them',
    handler: ({ actor }) => leaderView(deps, actor),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision/unit-view',
    tag: 'supervision',
    permission: 'task.read',
    response: UnitView,
    summary: '本单位待办: milestones, progress reports, 督办 replies and deadlines my units owe, by due date',
    handler: ({ actor }) => unitView(deps, actor),
  });
  // ---- assessment ----
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision/milestones-due',
    tag: 'supervision',
    permission: 'task.read',
    query: MilestonesDueQuery,
    response: MilestonesDue,
    summary:
      'The milestones due in the days from…to (not after today) of the tasks led in a unit’s subtree (default the caller’s; outside the scope 403 naming unitId): 到期 and 按期完成 counts — the dashboard’s 节点按期完成率 — and the latest 500',
    handler: ({ actor, query }) => listMilestonesDue(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/assessment',
    tag: 'supervision',
    permission: 'task.read',
    query: AssessmentQuery,
    response: Assessment,
    summary: '考核: every unit scored by the district’s rules for a year, quarter or month, ranked',
    handler: ({ actor, query }) => assessment(deps, actor, query.period),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/assessment.xlsx',
    tag: 'supervision',
    permission: 'task.read',
    query: AssessmentQuery,
    produces: XLSX_MEDIA_TYPE,
    summary: 'The ranking as .xlsx with Chinese headers',
    async handler({ actor, query, reply, req }) {
      const sheet = await assessmentSheet(deps, actor, query.period);
      return sendXlsx(reply, req, sheet, { fileName: `考核排名-${query.period}.xlsx`, asciiName: 'ranking.xlsx' });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/assessment/rules',
    tag: 'supervision',
    permission: 'task.read',
    response: AssessmentRules,
    summary: 'The assessment rules in force',
    handler: async ({ actor }) => ({ rules: await assessmentRules(deps.database.db, actor.districtCode) }),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/assessment/rules',
    tag: 'supervision',
    permission: 'task.manage',
    body: AssessmentRulesBody,
    response: AssessmentRules,
    summary: 'Set the assessment rules (weights, overdue penalty)',
    handler: ({ actor, body, req }) => setAssessmentRules(deps, actor, body.rules, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/assessment/marks',
    tag: 'supervision',
    permission: 'task.manage',
    body: QualityMarkBody,
    status: 201,
    response: Created,
    summary: 'A quality mark (质量评价, 0–100) for a unit, optionally on a task',
    handler: ({ actor, body, req }) => addQualityMark(deps, actor, body, req.id),
  });
  // ---- consultation plan ----
  route(app, {
    method: 'GET',
    url: '/api/v1/consultation-topics',
    tag: 'supervision',
    permission: ['task.read', 'proposal.read'],
    query: YearQuery,
    response: TopicList,
    summary: '年度协商计划: topics with lead units, the meetings that held them and the tasks they produced',
    handler: ({ actor, query }) => listTopics(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/consultation-topics',
    tag: 'supervision',
    // The plan is the 政协提案委's as much as the 督查室's (SPEC: proposals as 政协 offices run them).
    permission: ['task.manage', 'proposal.register'],
    body: TopicBody,
    status: 201,
    response: Created,
    summary: 'Add a topic to the annual consultation plan',
    handler: ({ actor, body, req }) => createTopic(deps, actor, body, req.id),
  });
}
