import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { TeamBody, TeamDetail, TeamList, TeamListQuery } from '../../../contracts/star-plans.js';
import { listTeams, teamDetail } from '../commands/get-team.js';
import { saveTeam } from '../commands/save-team.js';
import type { PlansDeps } from '../plans-deps.js';

const TAG = 'stars';

/** Action teams (聚力团): "党支部+党员+网格员+聚力团成员", the grids they cover, the measures they take on. */
export function registerTeamRoutes(app: FastifyInstance, deps: PlansDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/teams',
    tag: TAG,
    permission: 'star.read',
    query: TeamListQuery,
    response: TeamList,
    summary: 'Action teams with a branch in scope (optionally of one branch)',
    handler: async ({ actor, query }) => listTeams(deps, actor, query.branchId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/teams/:id',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: TeamDetail,
    summary: 'One action team: members (phones masked), grids, the battle-map measures it takes on',
    handler: async ({ actor, params }) => teamDetail(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/teams',
    tag: TAG,
    permission: ['star.report', 'star.review'],
    body: TeamBody,
    status: 201,
    response: TeamDetail,
    summary:
      'Form an action team: the community for its branch (star.report), the 街道 across its branches (star.review)',
    handler: async ({ actor, body, req }) => teamDetail(deps, actor, await saveTeam(deps, actor, null, body, req.id)),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/stars/teams/:id',
    tag: TAG,
    permission: ['star.report', 'star.review'],
    params: IdParams,
    body: TeamBody,
    response: TeamDetail,
    summary: 'Rewrite a team’s branches, leader, members and grids (measures of a branch it leaves lose the team)',
    handler: async ({ actor, params, body, req }) => {
      await saveTeam(deps, actor, params.id, body, req.id);
      return teamDetail(deps, actor, params.id);
    },
  });
}
