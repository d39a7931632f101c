import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { QuarterQuery, StarSetBody, StarSetList, StarSetView } from '../../../contracts/stars.js';
import { getStarSet, listStarSets, saveStarSet } from '../commands/star-sets.js';
import type { StarsDeps } from '../deps.js';

const TAG = 'stars';

export function registerStarSetRoutes(app: FastifyInstance, deps: StarsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/sets',
    tag: TAG,
    permission: 'star.read',
    query: QuarterQuery,
    response: StarSetList,
    summary: 'The star sets (village and urban) in force in a quarter (this one by default), and every version kept',
    handler: ({ actor, query }) => listStarSets(deps, actor, query.quarter),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/sets/:id',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: StarSetView,
    summary: 'One version of a star set with its stars, indicators, thresholds and evidence asked for',
    handler: ({ actor, params }) => getStarSet(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/sets',
    tag: TAG,
    permission: 'star.configure',
    body: StarSetBody,
    status: 201,
    response: StarSetView,
    summary:
      'Save a revised set as a new version, in force from a quarter (this one or later); computed indicators name a rate source',
    handler: async ({ actor, body, req }) =>
      getStarSet(
        deps,
        actor,
        await saveStarSet(deps, actor, body, new Set(deps.rateSources.map((r) => r.code)), req.id),
      ),
  });
}
