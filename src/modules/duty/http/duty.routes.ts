import type { FastifyInstance } from 'fastify';
import {
  CopyForwardBody,
  CopyForwardResult,
  EndResponsibilityBody,
  HolderOptions,
  Responsibility,
  ResponsibilityBody,
  ResponsibilityList,
  ResponsibilityQuery,
  Roster,
  RosterDayBody,
  RosterQuery,
} from '../../../contracts/duty.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { rosterSheet } from '../commands/export-roster.js';
import {
  addResponsibility,
  endResponsibility,
  holderOptions,
  listResponsibilities,
} from '../commands/responsibilities.js';
import { copyForward, getRoster, putRosterDay } from '../commands/roster.js';
import type { DutyDeps } from '../deps.js';

export function registerDutyRoutes(app: FastifyInstance, deps: DutyDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/duty/responsibilities',
    tag: 'duty',
    permission: 'duty.read',
    query: ResponsibilityQuery,
    response: ResponsibilityList,
    summary:
      'Responsibilities (分包 / 包联 / 下沉 / 网格长 / 网格指导员) of a unit in scope, or of its subtree; by kind, in force on a day, ended ones kept as history',
    handler: ({ actor, query }) => listResponsibilities(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/duty/responsibilities',
    tag: 'duty',
    permission: 'responsibility.write',
    body: ResponsibilityBody,
    status: 201,
    response: Responsibility,
    summary:
      'Add a dated responsibility for a unit in scope (403 naming targetUnitId outside it); the kind fixes the target’s unit kind and the holder (an account, or a department / outside unit for 包联); a second 主责 leader of a community on any day is refused (409 naming from)',
    handler: ({ actor, body, req }) => addResponsibility(deps, actor, body, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/duty/responsibilities/:id/end',
    tag: 'duty',
    permission: 'responsibility.write',
    params: IdParams,
    body: EndResponsibilityBody,
    response: Responsibility,
    summary:
      'End a responsibility: its last day (not before its first, not after a set end); the record stays as history',
    handler: ({ actor, params, body, req }) => endResponsibility(deps, actor, params.id, body, req.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/duty/holder-options',
    tag: 'duty',
    permission: 'responsibility.write',
    response: HolderOptions,
    summary:
      'Who may hold a responsibility, district-wide: the active cadres’ accounts, and the departments and outside units (for 包联)',
    handler: ({ actor }) => holderOptions(deps, actor),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/duty/rosters',
    tag: 'duty',
    permission: 'duty.read',
    query: RosterQuery,
    response: Roster,
    summary:
      'The duty roster (分班) of a community or village in scope over 1–31 days: each day’s duty cadre, volunteers and grids covered, with its gaps (缺岗): no cadre, grids nobody covers',
    handler: ({ actor, query }) => getRoster(deps, actor, query),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/duty/rosters/days',
    tag: 'duty',
    permission: 'duty.write',
    body: RosterDayBody,
    response: Roster,
    summary:
      'Write one day of a community’s roster (replacing it; an empty day is removed): a cadre of the community or its 街道, volunteers, small grids of the community. Answers that day',
    handler: async ({ actor, body, req }) => {
      await putRosterDay(deps, actor, body, req.id);
      return getRoster(deps, actor, { unitId: body.unitId, from: body.day, days: 1 });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/duty/rosters/copy-forward',
    tag: 'duty',
    permission: 'duty.write',
    body: CopyForwardBody,
    response: CopyForwardResult,
    summary:
      'Copy the seven days before weekStart into the week from it; days that already have entries are refused (409 naming overwrite) unless overwrite is true',
    handler: ({ actor, body, req }) => copyForward(deps, actor, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/duty/rosters/export.xlsx',
    tag: 'duty',
    permission: 'duty.read',
    query: RosterQuery,
    produces: XLSX_MEDIA_TYPE,
    summary: 'The roster of a community over a week or month (days ≤ 31) as .xlsx, a row per day with its gaps',
    async handler({ actor, query, reply, req }) {
      const { sheet, fileName } = await rosterSheet(deps, actor, query);
      return sendXlsx(reply, req, sheet, { fileName, asciiName: 'duty-roster.xlsx' });
    },
  });
}
