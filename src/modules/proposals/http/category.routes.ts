import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { ProposalCategoryList } from '../../../contracts/proposals.js';
import { addProposalCategory } from '../commands/add-category.js';
import { listProposalCategories } from '../commands/list-categories.js';
import { updateProposalCategory } from '../commands/update-category.js';
import type { ProposalsDeps } from '../deps.js';
import { CategoriesQuery, CreateCategoryBody, UpdateCategoryBody } from './proposal.schemas.js';

const TAG = 'proposals';

/** The proposal category list (类别): read by all who read proposals, kept by the 提案委 (and admin). */
export function registerCategoryRoutes(app: FastifyInstance, deps: ProposalsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/proposal-categories',
    tag: TAG,
    permission: 'proposal.read',
    query: CategoriesQuery,
    response: ProposalCategoryList,
    summary: 'The proposal categories (类别) in order; active=true only those offered at registration',
    handler: ({ actor, query }) => listProposalCategories(deps, actor, query.active),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/proposal-categories',
    tag: TAG,
    permission: 'proposal.register',
    body: CreateCategoryBody,
    status: 201,
    response: ProposalCategoryList,
    summary: 'Add a proposal category; the name is unique in the district. Answers the whole list',
    async handler({ actor, body, req }) {
      await addProposalCategory(deps, actor, body, req.id);
      return listProposalCategories(deps, actor);
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/proposal-categories/:id',
    tag: TAG,
    permission: 'proposal.register',
    params: IdParams,
    body: UpdateCategoryBody,
    response: ProposalCategoryList,
    summary:
      'Rename, reorder, retire (active=false) or restore a category; proposals keep their names. Answers the whole list',
    async handler({ actor, params, body, req }) {
      await updateProposalCategory(deps, actor, params.id, body, req.id);
      return listProposalCategories(deps, actor);
    },
  });
}
