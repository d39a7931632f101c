import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  Completeness,
  CompletenessQuery,
  CreatedDataQuery,
  CreatedReportForm,
  DataQueryList,
  PrefillQuery,
  ReportFigureList,
  ReportPrefill,
  FormDefinitionBody,
  RemindBody,
  RemindersSent,
  ReportFormList,
  ReportFormVersion,
  ReportSubmission,
  ReportSubmissionDetail,
  Rollup,
  RollupRebuilt,
  SubmitBody,
  UNREPORTED_LISTS,
} from '../../../contracts/reporting.js';
import { completeness } from '../commands/completeness.js';
import { rollupReport } from '../commands/rollup-report.js';
import { remindMissing } from '../commands/remind-missing.js';
import { answerQuery } from '../commands/answer-query.js';
import { askQuery } from '../commands/ask-query.js';
import { listQueries } from '../commands/list-queries.js';
import { createForm } from '../commands/create-form.js';
import { reviseForm } from '../commands/revise-form.js';
import { submitReport } from '../commands/submit-report.js';
import { rebuildRollups } from '../commands/rebuild-rollups.js';
import { MISSING_PAGE_MAX } from '../commands/completeness.js';
import { rollupXlsx } from './rollup.export.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { getSubmission } from '../commands/get-submission.js';
import { prefillReport } from '../commands/prefill-report.js';
import { parseSystemValues, reportedValues } from '../commands/submit-report.js';

/** The fixed completeness query, plus paging of the missing list (a district has 100,000 units). */
const CompletenessPagedQuery = CompletenessQuery.extend({
  list: z.enum(UNREPORTED_LISTS).optional(),
  missingOffset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  missingLimit: z.coerce.number().int().min(0).max(MISSING_PAGE_MAX).optional(),
});

const RollupQuery = CompletenessQuery.extend({
  /** Comma-separated field codes; every numeric field when absent. */
  fields: z
    .string()
    .max(2000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined,
    ),
});

export function registerReportingRoutes(app: FastifyInstance, deps: ReportingDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms',
    tag: 'reporting',
    permission: 'report.read',
    response: ReportFormList,
    summary: 'Report forms (报表) with their current version: fields, period, deadline, zero reports, who reports',
    async handler({ actor }) {
      const forms = await reportStore.forms(deps.database.db, actor.districtCode);
      return {
        items: forms.map((f) => ({ id: f.row.id, ...f.definition, status: f.row.status, updatedAt: f.row.updated_at })),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-forms',
    tag: 'reporting',
    permission: 'report.define',
    body: FormDefinitionBody,
    status: 201,
    response: CreatedReportForm,
    summary: 'Define a report form (version 1)',
    async handler({ actor, body, req }) {
      const id = await createForm(deps, actor, body, req.id);
      const f = (await reportStore.form(deps.database.db, id))!;
      return { id, ...f.definition };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-forms/:id/versions',
    tag: 'reporting',
    permission: 'report.define',
    params: IdParams,
    body: FormDefinitionBody,
    status: 201,
    response: ReportFormVersion,
    summary: 'Publish a new version of a form; submitted data keeps its own version',
    async handler({ actor, params, body, req }) {
      const version = await reviseForm(deps, actor, params.id, body, req.id);
      return { id: params.id, version };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-forms/:id/submissions',
    tag: 'reporting',
    permission: 'report.submit',
    params: IdParams,
    body: SubmitBody,
    response: ReportSubmission,
    summary:
      'Submit a unit’s report for a period ({values} or {zero: true}); a second submission corrects it, keeping history',
    async handler({ actor, params, body, req, reply }) {
      const r = await submitReport(deps, actor, params.id, body, req.id);
      // 201 for a new report, 200 for a correction of an existing one.
      return reply.code(r.created ? 201 : 200).send(r.submission);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms/:id/prefill',
    tag: 'reporting',
    permission: 'report.submit',
    params: IdParams,
    query: PrefillQuery,
    response: ReportPrefill,
    summary:
      'What the system already counts for a unit’s report of a period (敲门入户数 …), by field: the form opens with these values, still editable',
    handler: ({ actor, params, query }) => prefillReport(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-figures',
    tag: 'reporting',
    permission: 'report.define',
    response: ReportFigureList,
    summary: 'The figures the system counts that a form field may name as its source',
    handler: async () => ({ items: (deps.figures ?? []).map((f) => ({ code: f.code, label: f.label })) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms/:id/completeness',
    tag: 'reporting',
    permission: 'report.read',
    params: IdParams,
    query: CompletenessPagedQuery,
    summary:
      'Completeness and timeliness (应报/实报/按时报) for a unit subtree and period range, a row per child unit and per period, and a page of who is missing (latest period first)',
    response: Completeness,
    handler: ({ actor, params, query }) => completeness(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms/:id/rollup',
    tag: 'reporting',
    permission: 'report.read',
    params: IdParams,
    query: RollupQuery,
    response: Rollup,
    summary:
      'Numeric fields rolled up over a unit subtree and period range (sum, average or max by field), with a row per child unit and a point per period',
    handler: ({ actor, params, query }) => rollupReport(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms/:id/rollup.xlsx',
    tag: 'reporting',
    permission: 'report.read',
    params: IdParams,
    query: RollupQuery.extend({ by: z.enum(['unit', 'period']).optional() }),
    produces: XLSX_MEDIA_TYPE,
    summary: 'The roll-up as .xlsx with Chinese headers (a row per child unit, or per period with by=period), streamed',
    async handler({ actor, params, query, reply, req }) {
      const r = await rollupReport(deps, actor, params.id, query);
      const { sheet, fileName } = rollupXlsx(deps, actor, r, query.by ?? 'unit');
      return sendXlsx(reply, req, sheet, { fileName, asciiName: 'rollup.xlsx' });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-forms/:id/rollup/rebuild',
    tag: 'reporting',
    permission: 'report.define',
    params: IdParams,
    response: RollupRebuilt,
    summary:
      'Rebuild a form’s roll-up tables from its submissions (after data loaded around the API, or units moved between sub-districts)',
    handler: ({ actor, params, req }) => rebuildRollups(deps, params.id, { actor, requestId: req.id }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-forms/:id/reminders',
    tag: 'reporting',
    permission: 'report.remind',
    params: IdParams,
    body: RemindBody,
    response: RemindersSent,
    summary:
      '催报 / 一键催报: remind every unit of the subtree that has not reported the period or range, 缺报 and 未到期 (inbox, and webhook / group robot); audited',
    handler: ({ actor, params, body, req }) => remindMissing(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-forms/:id/submissions',
    tag: 'reporting',
    permission: 'report.read',
    params: IdParams,
    query: z.strictObject({ unitId: z.uuid(), period: z.string().min(7).max(10) }),
    response: ReportSubmissionDetail,
    summary: 'A unit’s report for a period (to show or correct it), with the history of its corrections',
    async handler({ actor, params, query }) {
      const { row, unitName, history } = await getSubmission(deps, actor, params.id, query);
      return {
        id: row.id,
        formId: row.form_id,
        formVersion: row.form_version,
        unitId: row.unit_id,
        unitName,
        period: row.period,
        zero: row.zero === 1,
        values: reportedValues(row),
        systemValues: parseSystemValues(row.system_values),
        submittedAt: row.submitted_at,
        onTime: row.on_time === 1,
        late: row.on_time === 0,
        revision: row.revision,
        updatedAt: row.updated_at,
        history: history.map((h) => ({
          revision: h.revision,
          formVersion: h.form_version,
          zero: h.zero === 1,
          values: reportedValues(h),
          systemValues: parseSystemValues(h.system_values),
          changedAt: h.changed_at,
        })),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-submissions/:id/queries',
    tag: 'reporting',
    permission: 'report.read',
    params: IdParams,
    status: 201,
    body: z.strictObject({
      field: z.string().max(64).nullable().optional(),
      question: z.string().trim().min(2).max(2000),
    }),
    response: CreatedDataQuery,
    summary: '24小时数据核查: the level above questions a report (or one field); the unit must answer within 24 hours',
    handler: async ({ actor, params, body, req }) => ({ id: await askQuery(deps, actor, params.id, body, req.id) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/report-queries/:id/answer',
    tag: 'reporting',
    permission: 'report.submit',
    params: IdParams,
    status: 204,
    body: z.strictObject({ answer: z.string().trim().min(1).max(2000) }),
    summary: 'The questioned unit answers a data query (the thread is kept)',
    handler: ({ actor, params, body, req }) => answerQuery(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/report-queries',
    tag: 'reporting',
    permission: 'report.read',
    query: z.strictObject({ status: z.enum(['open', 'answered', 'overdue', 'closed']).optional() }),
    response: DataQueryList,
    summary: 'Data queries in scope with their threads; overdue ones were escalated after 24 hours',
    handler: ({ actor, query }) => listQueries(deps, actor, query),
  });
}
