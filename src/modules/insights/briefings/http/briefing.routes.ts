import type { FastifyInstance } from 'fastify';
import {
  BriefingDetail,
  BriefingDocxQuery,
  BriefingList,
  BriefingListQuery,
  BriefingPreview,
  BriefingTemplate,
  BriefingTemplateBody,
  BriefingTemplateList,
  BriefingVersion,
  BriefingVersionParams,
  EditBriefingBody,
  GenerateBriefingBody,
  PreviewBriefingBody,
} from '../../../../contracts/briefings.js';
import { IdParams, route } from '../../../../kernel/http/route.js';
import type { InsightsDeps } from '../../deps.js';
import { editBriefing, issueBriefing } from '../commands/edit-briefing.js';
import { generateBriefing, previewBriefing } from '../commands/generate-briefing.js';
import { getBriefing, getBriefingVersion, listBriefings } from '../commands/get-briefing.js';
import { listBriefingTemplates } from '../commands/list-briefing-templates.js';
import { createBriefingTemplate, updateBriefingTemplate } from '../commands/save-briefing-template.js';
import { briefingDocx, DOCX_TYPE } from './briefing-docx.js';

const TAG = 'briefings';

/** 工作简报 (docs/insights-briefings.md): templates, drafts, issued versions, .docx. */
export function registerBriefingRoutes(app: FastifyInstance, deps: InsightsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/briefings/templates',
    tag: TAG,
    permission: ['briefing.write', 'briefing.configure'],
    response: BriefingTemplateList,
    summary: 'The district’s briefing templates (简报模板): text with placeholders naming measures',
    handler: async ({ actor }) => ({ items: await listBriefingTemplates(deps, actor) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/briefings/templates',
    tag: TAG,
    permission: 'briefing.configure',
    body: BriefingTemplateBody,
    status: 201,
    response: BriefingTemplate,
    summary: 'Create a template; an unknown placeholder is a 422 naming body and the placeholder',
    handler: ({ actor, body, req }) => createBriefingTemplate(deps, actor, body, req.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/briefings/templates/:id',
    tag: TAG,
    permission: 'briefing.configure',
    params: IdParams,
    body: BriefingTemplateBody,
    response: BriefingTemplate,
    summary: 'Edit a template (a default edited is no longer rewritten at start)',
    handler: ({ actor, params, body, req }) => updateBriefingTemplate(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/briefings/preview',
    tag: TAG,
    permission: ['briefing.configure', 'briefing.write'],
    body: PreviewBriefingBody,
    response: BriefingPreview,
    summary: 'Render a template body for a unit in scope and a period without saving anything (the editor’s preview)',
    handler: ({ actor, body }) => previewBriefing(deps, actor, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/briefings',
    tag: TAG,
    permission: 'insight.read',
    query: BriefingListQuery,
    response: BriefingList,
    summary: 'Briefings under a unit in scope, newest first (readers without briefing.write: issued ones)',
    handler: async ({ actor, query }) => ({ items: await listBriefings(deps, actor, query) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/briefings',
    tag: TAG,
    permission: 'briefing.write',
    body: GenerateBriefingBody,
    status: 201,
    response: BriefingDetail,
    summary:
      'Write a draft briefing for a unit in scope and a period from a template: the text, each number with a ' +
      'footnote to its figure and query (the dashboard’s figures)',
    handler: async ({ actor, body, req }) =>
      getBriefing(deps, actor, await generateBriefing(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/briefings/:id',
    tag: TAG,
    permission: 'insight.read',
    params: IdParams,
    response: BriefingDetail,
    summary: 'One briefing: its draft (writers) or its last issued version, with the figures and the versions',
    handler: ({ actor, params }) => getBriefing(deps, actor, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/briefings/:id',
    tag: TAG,
    permission: 'briefing.write',
    params: IdParams,
    body: EditBriefingBody,
    response: BriefingDetail,
    summary: 'Edit the text; after an issue this opens the next version. A footnoted number must stay its figure',
    async handler({ actor, params, body, req }) {
      await editBriefing(deps, actor, params.id, body, req.id);
      return getBriefing(deps, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/briefings/:id/issue',
    tag: TAG,
    permission: 'briefing.write',
    params: IdParams,
    response: BriefingDetail,
    summary: 'Issue the draft as the next version, kept as issued (409 when nothing changed since the last issue)',
    async handler({ actor, params, req }) {
      await issueBriefing(deps, actor, params.id, req.id);
      return getBriefing(deps, actor, params.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/briefings/:id/versions/:version',
    tag: TAG,
    permission: 'insight.read',
    params: BriefingVersionParams,
    response: BriefingVersion,
    summary: 'An issued version as it was issued',
    handler: ({ actor, params }) => getBriefingVersion(deps, actor, params.id, params.version),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/briefings/:id/docx',
    tag: TAG,
    permission: 'insight.read',
    params: IdParams,
    query: BriefingDocxQuery,
    produces: DOCX_TYPE,
    summary:
      'The briefing as a Word document (.docx): title, period, the text with footnote markers, the notes (指标、口径、' +
      '统计时间) and who issued it; the draft for writers unless a version is asked',
    async handler({ actor, params, query, reply }) {
      const b = await getBriefing(deps, actor, params.id, query.version);
      const buf = await briefingDocx(b, deps.config.timeZone);
      const name = `${b.title}${b.version ? `（第${b.version}版）` : '（草稿）'}.docx`;
      return reply
        .type(DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="briefing.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  });
}
