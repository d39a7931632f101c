import type { FastifyInstance } from 'fastify';
import {
  BranchRates,
  BranchRatesQuery,
  RateRecords,
  RateRecordsParams,
  RateRecordsQuery,
  RateSourceList,
  RefreshRatesBody,
  RefreshRatesResult,
} from '../../../contracts/stars.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { branchRates, rateRecords, rateSources } from '../commands/branch-rates.js';
import { refreshRatesInScope } from '../commands/refresh-rates.js';
import type { StarsDeps } from '../deps.js';

/** The computed rates of the "五星"支部 indicators: their sources, the values kept, an on-demand refresh. */
export function registerRateRoutes(app: FastifyInstance, deps: StarsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/rate-sources',
    tag: 'stars',
    permission: 'star.read',
    response: RateSourceList,
    summary: 'The rates a computed indicator may name as its source (code, label), as the modules offer them',
    handler: async () => rateSources(deps),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches/:id/rates',
    tag: 'stars',
    permission: 'star.read',
    params: IdParams,
    query: BranchRatesQuery,
    response: BranchRates,
    summary:
      'The rates kept for a branch in scope and a quarter (default: the current one), measured over its community or village; denominator 0 = nothing to measure',
    handler: ({ actor, params, query }) => branchRates(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches/:id/rates/:source/records',
    tag: 'stars',
    permission: 'star.read',
    params: RateRecordsParams,
    query: RateRecordsQuery,
    response: RateRecords,
    summary:
      'The records behind one rate of a branch (the cases due, the milestones due, the grids), measured now over its community or village; for callers whose scope holds that community',
    handler: ({ actor, params, query }) => rateRecords(deps, actor, params, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/rates/refresh',
    tag: 'stars',
    permission: ['star.configure', 'star.rate'],
    body: RefreshRatesBody,
    response: RefreshRatesResult,
    summary:
      'Measure every rate source now for the branches in scope over a quarter already begun (its days up to today) and keep the values',
    handler: ({ actor, body }) => refreshRatesInScope(deps, actor, body),
  });
}
