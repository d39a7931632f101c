import type { FastifyInstance } from 'fastify';
import {
  ObservationBody,
  ObservationDetail,
  ObservationList,
  ObservationListQuery,
  ScoresBody,
} from '../../../contracts/stars-cycle.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { getObservation, listObservations } from '../commands/observation-views.js';
import { createObservation, enterScores } from '../commands/observations.js';
import type { CycleDeps } from '../cycle-deps.js';

const TAG = 'stars';

/** 每月观摩: observation events held by a 街道, visitors' scores per visited branch. */
export function registerObservationRoutes(app: FastifyInstance, deps: CycleDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/observations',
    tag: TAG,
    permission: 'star.read',
    query: ObservationListQuery,
    response: ObservationList,
    summary: 'Observation events (每月观摩) held in scope or visiting a branch in scope, days [from, to]',
    handler: async ({ actor, query }) => ({ items: await listObservations(deps, actor, query) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/observations',
    tag: TAG,
    permission: 'star.review',
    body: ObservationBody,
    status: 201,
    response: ObservationDetail,
    summary:
      'Hold an observation event: day, title, the branch where it is held, the branches visited (all in the host 街道), visitors (accounts or names)',
    handler: async ({ actor, body, req }) =>
      getObservation(deps, actor, await createObservation(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/observations/:id',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: ObservationDetail,
    summary: 'One event: visited branches with their average score, visitors, every score and remark',
    handler: ({ actor, params }) => getObservation(deps, actor, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/stars/observations/:id/scores',
    tag: TAG,
    permission: 'star.review',
    params: IdParams,
    body: ScoresBody,
    response: ObservationDetail,
    summary:
      'Enter or correct visitors’ scores (0–100, one decimal) and remarks per visited branch; one bad score refuses the batch, naming its field',
    handler: async ({ actor, params, body, req }) => {
      await enterScores(deps, actor, params.id, body, req.id);
      return getObservation(deps, actor, params.id);
    },
  });
}
