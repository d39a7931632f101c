import type { FastifyInstance } from 'fastify';
import { Evidence, EvidenceBody, EvidenceList, EvidenceQuery } from '../../../contracts/stars-cycle.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { addEvidence, deleteEvidence, listEvidence } from '../commands/evidence.js';
import type { CycleDeps } from '../cycle-deps.js';

const TAG = 'stars';

/** 佐证材料: evidence a branch shows for a star or an indicator in a quarter. */
export function registerEvidenceRoutes(app: FastifyInstance, deps: CycleDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/evidence',
    tag: TAG,
    permission: 'star.read',
    query: EvidenceQuery,
    response: EvidenceList,
    summary: 'A branch’s evidence for a quarter (default: the current one), by star and indicator',
    handler: ({ actor, query }) => listEvidence(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/evidence',
    tag: TAG,
    permission: 'star.report',
    body: EvidenceBody,
    status: 201,
    response: Evidence,
    summary:
      'Add evidence for a star (or one of its indicators) of a branch in scope: a photo uploaded by the caller and/or a note; refused once the quarter’s rating is proposed',
    handler: async ({ actor, body, req }) => {
      const id = await addEvidence(deps, actor, body, req.id);
      const list = await listEvidence(deps, actor, { branchId: body.branchId, quarter: body.quarter });
      return list.items.find((e) => e.id === id)!;
    },
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/stars/evidence/:id',
    tag: TAG,
    permission: 'star.report',
    params: IdParams,
    status: 204,
    summary: 'The uploader takes a piece of evidence back, until the quarter’s rating is proposed',
    handler: ({ actor, params, req }) => deleteEvidence(deps, actor, params.id, req.id),
  });
}
