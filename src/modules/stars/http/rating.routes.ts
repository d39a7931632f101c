import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ConfirmBody,
  HeldStars,
  HeldStarsQuery,
  ProposeBody,
  Ranking,
  RankingQuery,
  RatingList,
  RatingListQuery,
  RatingView,
  ReturnBody,
  SelfAssessBody,
  StarHistory,
} from '../../../contracts/star-rating.js';
import { quarter } from '../../../contracts/stars.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { confirmRating } from '../commands/confirm-rating.js';
import { listHeldStars } from '../commands/held-stars.js';
import { proposeRating } from '../commands/propose-rating.js';
import { rankingOf, rankingSheet } from '../commands/ranking.js';
import { getBranchRating, getRating, listRatings } from '../commands/rating-views.js';
import { returnRating } from '../commands/return-rating.js';
import { selfAssessRating } from '../commands/self-assess-rating.js';
import { starHistory } from '../commands/star-history.js';
import type { StarsDeps } from '../deps.js';

const TAG = 'stars';
const BranchQuarterQuery = z.strictObject({ branchId: z.uuid('must be a UUID'), quarter });

/** The quarterly rating (每季评比), the stars held with their history, and the rankings. */
export function registerRatingRoutes(app: FastifyInstance, deps: StarsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/ratings',
    tag: TAG,
    permission: 'star.read',
    query: RatingListQuery,
    response: RatingList,
    summary:
      'The rating workbench: every branch under a unit in scope (default the caller’s) with its rating of the quarter — state, the stage’s deadline (working days after the quarter’s end: self 5, propose 10, confirm 15), overdue, stars and score',
    handler: ({ actor, query }) => listRatings(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/ratings/branch',
    tag: TAG,
    permission: 'star.read',
    query: BranchQuarterQuery,
    response: RatingView,
    summary:
      'A branch’s rating of a quarter (open when nothing was done): each star’s outcome with every indicator’s panel score or kept rate, its evidence, the steps taken and the steps open to the caller',
    handler: ({ actor, query }) => getBranchRating(deps, actor, query.branchId, query.quarter),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/ratings/:id',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: RatingView,
    summary: 'A rating by id (what a ranking’s numbers trace to); outside the caller’s scope 404',
    handler: ({ actor, params }) => getRating(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/ratings/self-assess',
    tag: TAG,
    permission: 'star.report',
    body: SelfAssessBody,
    response: RatingView,
    summary:
      'The branch’s self-assessment of a quarter (open | self_assessed → self_assessed); 403 naming branchId outside scope, 409 naming state once the 街道 has proposed',
    handler: async ({ actor, body, req }) => getRating(deps, actor, await selfAssessRating(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/ratings/propose',
    tag: TAG,
    permission: 'star.review',
    body: ProposeBody,
    response: RatingView,
    summary:
      'The 街道’s proposal: panel scores of the scored indicators (422 naming scores.<star>.<indicator> outside [0, maxScore]) and the stars to hold, each change with a reason; an award must be eligible with its required evidence (422 naming stars[i]). From self_assessed, or from open after the self-assessment deadline (else 409 naming state)',
    handler: async ({ actor, body, req }) => getRating(deps, actor, await proposeRating(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/ratings/:id/return',
    tag: TAG,
    permission: 'star.rate',
    params: IdParams,
    body: ReturnBody,
    response: RatingView,
    summary:
      'The district returns a proposal to the 街道 with a reason (proposed → self_assessed; else 409 naming state)',
    handler: async ({ actor, params, body, req }) =>
      getRating(deps, actor, await returnRating(deps, actor, params.id, body.reason, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/ratings/:id/confirm',
    tag: TAG,
    permission: 'star.rate',
    params: IdParams,
    body: ConfirmBody,
    response: RatingView,
    summary:
      'The district confirms a proposed rating (else 409 naming state), with its own decisions on the stars or the proposal’s: awards checked again for eligibility and evidence (422 naming stars[i]), withdrawals need a reason; the stars are awarded or withdrawn as history and the outcome kept',
    handler: async ({ actor, params, body, req }) =>
      getRating(deps, actor, await confirmRating(deps, actor, params.id, body.stars, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/rankings',
    tag: TAG,
    permission: 'star.read',
    query: RankingQuery,
    response: Ranking,
    summary:
      'The ranking of the branches under a 街道 or the district for a quarter: by stars held, then score; ties share a rank (1, 1, 3); movement since last quarter; branches without a confirmed rating listed as 未评; each row names its rating',
    handler: ({ actor, query }) => rankingOf(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/rankings/export.xlsx',
    tag: TAG,
    permission: 'star.read',
    query: RankingQuery,
    produces: XLSX_MEDIA_TYPE,
    summary: 'The ranking as .xlsx, with each star’s score and the rating’s number per row',
    async handler({ actor, query, reply, req }) {
      const { sheet, fileName } = await rankingSheet(deps, actor, query);
      return sendXlsx(reply, req, sheet, { fileName, asciiName: 'star-ranking.xlsx' });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/held',
    tag: TAG,
    permission: 'star.read',
    query: HeldStarsQuery,
    response: HeldStars,
    summary:
      'The stars held now by the branches under a unit in scope (default the caller’s; outside it 403 naming unitId), one row per star with its branch and the quarter awarded; total = the dashboard’s 支部获星数',
    handler: ({ actor, query }) => listHeldStars(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches/:id/stars',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    response: StarHistory,
    summary: 'A branch’s stars: held now, every award and withdrawal with its reason and rating, its ratings',
    handler: ({ actor, params }) => starHistory(deps, actor, params.id),
  });
}
