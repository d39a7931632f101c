import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { assignSupervisor } from '../commands/assign-supervisor.js';
import { listAssignments } from '../commands/list-assignments.js';
import { listOpinions } from '../commands/list-opinions.js';
import { recordOpinion } from '../commands/record-opinion.js';
import { recordVisit } from '../commands/record-visit.js';
import { takeOpinionAction } from '../commands/take-opinion-action.js';
import type { ProposalsDeps } from '../deps.js';
import { z } from 'zod';
import { q } from '../../../kernel/http/route.js';
import {
  AnswerBody,
  AssignSupervisorBody,
  CloseBody,
  ListOpinionsQuery,
  OpinionBody,
  ReopenBody,
  TrackBody,
  VisitBody,
} from './proposal.schemas.js';
import {
  CreatedSupervisionRecord,
  SupervisorAssignmentList,
  SupervisorOpinion,
  SupervisorOpinionList,
} from '../../../contracts/proposals.js';

const TAG = 'democratic supervisors';

export function registerSupervisorRoutes(app: FastifyInstance, deps: ProposalsDeps): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/supervisor-assignments',
    tag: TAG,
    permission: 'proposal.manage',
    body: AssignSupervisorBody,
    status: 201,
    response: CreatedSupervisionRecord,
    summary: 'Send a democratic supervisor (民主监督员) to a unit for a term',
    handler: async ({ actor, body, req }) => ({ id: await assignSupervisor(deps, actor, body, req.id) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervisor-assignments',
    tag: TAG,
    permission: 'proposal.read',
    query: z.strictObject({ active: q.bool().optional() }),
    response: SupervisorAssignmentList,
    summary:
      'Assignments with their visits: a supervisor sees their own, a unit those to its subtree, the office and leaders all',
    handler: ({ actor, query }) => listAssignments(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supervisor-assignments/:id/visits',
    tag: TAG,
    permission: 'supervisor.visit',
    params: IdParams,
    body: VisitBody,
    status: 201,
    response: CreatedSupervisionRecord,
    summary: 'The assigned supervisor records a visit (date within the term, not in the future)',
    handler: async ({ actor, params, body, req }) => ({ id: await recordVisit(deps, actor, params.id, body, req.id) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supervisor-assignments/:id/opinions',
    tag: TAG,
    permission: 'supervisor.visit',
    params: IdParams,
    body: OpinionBody,
    status: 201,
    response: CreatedSupervisionRecord,
    summary: 'The assigned supervisor records an opinion; with a responsible unit and deadline it is tracked at once',
    handler: async ({ actor, params, body, req }) => ({
      id: await recordOpinion(deps, actor, params.id, body, req.id),
    }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervisor-opinions',
    tag: TAG,
    permission: 'proposal.read',
    query: ListOpinionsQuery,
    response: SupervisorOpinionList,
    summary: 'Opinions and tracked items in scope; overdue=true lists open items past their deadline',
    handler: ({ actor, query }) => listOpinions(deps, actor, query),
  });
  const act = <S extends z.ZodType>(
    verb: string,
    permission: 'proposal.read' | 'proposal.handle',
    body: S,
    summary: string,
    type: 'track' | 'answer' | 'close' | 'reopen',
  ) =>
    route(app, {
      method: 'POST',
      url: `/api/v1/supervisor-opinions/:id/${verb}`,
      tag: TAG,
      permission,
      params: IdParams,
      body,
      summary,
      response: SupervisorOpinion,
      handler: ({ actor, params, body: b, req }) =>
        takeOpinionAction(
          deps,
          actor,
          params.id,
          { type, ...(b as object) } as Parameters<typeof takeOpinionAction>[3],
          req.id,
        ),
    });
  act(
    'track',
    'proposal.read',
    TrackBody,
    'Make an opinion a tracked item: responsible unit and deadline (the supervisor or the office)',
    'track',
  );
  act('answer', 'proposal.handle', AnswerBody, 'The responsible unit answers a tracked item', 'answer');
  act('close', 'proposal.read', CloseBody, 'Close a tracked item as done (the supervisor or the office)', 'close');
  act(
    'reopen',
    'proposal.read',
    ReopenBody,
    'Send an answered item back for more work (the supervisor or the office)',
    'reopen',
  );
}
