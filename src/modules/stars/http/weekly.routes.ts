import type { FastifyInstance } from 'fastify';
import {
  BranchWeekly,
  BranchWeeklyQuery,
  WeeklyBody,
  WeeklyGrid,
  WeeklyGridQuery,
  WeeklyParams,
  WeeklyReport,
} from '../../../contracts/stars-cycle.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { weeklyGridSheet } from '../commands/export-weekly-grid.js';
import { submitWeekly } from '../commands/submit-weekly.js';
import { branchWeekly, getWeekly, weeklyGrid } from '../commands/weekly-views.js';
import type { CycleDeps } from '../cycle-deps.js';

const TAG = 'stars';

/** 每周推进: a branch's weekly progress, its weeks, and the week × branch grid of a 街道. */
export function registerWeeklyRoutes(app: FastifyInstance, deps: CycleDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/weekly/grid',
    tag: TAG,
    permission: 'star.read',
    query: WeeklyGridQuery,
    response: WeeklyGrid,
    summary:
      'Weekly progress (每周推进) of the branches under a unit in scope × the weeks touching [from, to] (≤ 26): reported / late / missing / pending, due the week’s last working day',
    handler: ({ actor, query }) => weeklyGrid(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/weekly/grid.xlsx',
    tag: TAG,
    permission: 'star.read',
    query: WeeklyGridQuery,
    produces: XLSX_MEDIA_TYPE,
    summary: 'The week × branch grid as .xlsx: a row per branch, a column per week, a totals row',
    async handler({ actor, query, reply, req }) {
      const { sheet, fileName } = await weeklyGridSheet(deps, actor, query);
      return sendXlsx(reply, req, sheet, { fileName, asciiName: 'weekly-progress.xlsx' });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches/:id/weekly',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    query: BranchWeeklyQuery,
    response: BranchWeekly,
    summary: 'One branch’s weeks (newest first) with their status and report',
    handler: ({ actor, params, query }) => branchWeekly(deps, actor, params.id, query),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/stars/branches/:id/weekly/:week',
    tag: TAG,
    permission: 'star.report',
    params: WeeklyParams,
    body: WeeklyBody,
    response: WeeklyReport,
    summary:
      'Report the week’s progress (the week is its Monday): text and photos; a second report of the week amends it, every version kept, on time judged by the first',
    handler: async ({ actor, params, body, req }) => {
      const { id } = await submitWeekly(deps, actor, params.id, params.week, body, req.id);
      return getWeekly(deps, actor, id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/weekly/:id',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: WeeklyReport,
    summary: 'One weekly report with every version (history)',
    handler: ({ actor, params }) => getWeekly(deps, actor, params.id),
  });
}
