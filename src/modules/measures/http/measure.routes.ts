import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  CompletenessQuery,
  CompletenessReport,
  DueFollowUpList,
  EndMeasureBody,
  FollowUp,
  FollowUpBody,
  MeasureBody,
  MeasureDetail,
  MeasureList,
  MeasureListQuery,
  MeasureSubjectList,
  OwnerCandidates,
} from '../../../contracts/measures.js';
import { measureCompleteness } from '../commands/completeness.js';
import { dueFollowUps } from '../commands/due-follow-ups.js';
import { endMeasure } from '../commands/end-measure.js';
import { getMeasure, listMeasures } from '../commands/list-measures.js';
import { ownerCandidates, searchSubjects } from '../commands/measure-subjects.js';
import { recordFollowUp } from '../commands/record-follow-up.js';
import { startMeasure } from '../commands/start-measure.js';
import type { MeasuresDeps } from '../deps.js';
import { presentFollowUp, presentMeasure, presentMeasureDetail } from './measure.presenter.js';

const TAG = 'measures';

export function registerMeasureRoutes(app: FastifyInstance, deps: MeasuresDeps): void {
  const detail = async (actor: Parameters<typeof getMeasure>[1], id: string) => {
    const d = await getMeasure(deps, actor, id);
    return presentMeasureDetail(d.view, d.events, { record: d.canRecord, end: d.canEnd });
  };

  route(app, {
    method: 'GET',
    url: '/api/v1/measures',
    tag: TAG,
    permission: 'measure.read',
    query: MeasureListQuery,
    response: MeasureList,
    summary:
      'Home measures (居家隔离 / 居家健康监测) in scope, newest first, a page at a time; the police officer and the doctor see only those they own',
    handler: async ({ actor, query }) => {
      const page = await listMeasures(deps, actor, query);
      return { items: page.items.map(presentMeasure), nextCursor: page.nextCursor };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/measures',
    tag: TAG,
    permission: 'measure.manage',
    body: MeasureBody,
    status: 201,
    response: MeasureDetail,
    summary:
      'Start a home measure on a resident in scope with its four owners (四包一); generates one follow-up per day of ' +
      'the window. Refused without all four, with an owner of the wrong role or unit, or overlapping an open measure',
    handler: async ({ actor, body, req }) => detail(actor, (await startMeasure(deps, actor, body, req.id)).id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/measures/completeness',
    tag: TAG,
    permission: 'measure.read',
    query: CompletenessQuery,
    response: CompletenessReport,
    summary:
      'Follow-up completeness (seen ÷ due) per community under a unit in scope, with the total: every follow-up to date, or with from/to (both, not reversed: else 400) those of the days',
    handler: async ({ actor, query }) =>
      measureCompleteness(
        deps,
        actor,
        query.unitId,
        query.from && query.to ? { from: query.from, to: query.to } : undefined,
      ),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/measures/subjects',
    tag: TAG,
    permission: 'measure.manage',
    query: z.strictObject({ q: z.string().trim().max(50).optional() }),
    response: MeasureSubjectList,
    summary: 'Residents in scope by name, for starting a measure (whether each already has an open one)',
    handler: async ({ actor, query }) => ({ items: await searchSubjects(deps, actor, query.q) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/measures/owner-candidates',
    tag: TAG,
    permission: 'measure.manage',
    query: z.strictObject({ residentId: z.uuid() }),
    response: OwnerCandidates,
    summary: 'The accounts that may own a measure on this resident, per role of 四包一',
    handler: async ({ actor, query }) => ownerCandidates(deps, actor, query.residentId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/measures/:id',
    tag: TAG,
    permission: 'measure.read',
    params: IdParams,
    response: MeasureDetail,
    summary: 'One measure with its day-by-day follow-ups and history',
    handler: async ({ actor, params }) => detail(actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/measures/:id/end',
    tag: TAG,
    permission: 'measure.manage',
    params: IdParams,
    body: EndMeasureBody,
    response: MeasureDetail,
    summary: 'End an open measure early: lost to follow-up (失访) or moved to hospital (转院送医), with the reason',
    handler: async ({ actor, params, body, req }) => {
      await endMeasure(deps, actor, params.id, body, req.id);
      return detail(actor, params.id);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/follow-ups',
    tag: TAG,
    permission: 'measure.read',
    response: DueFollowUpList,
    summary: 'The caller’s follow-up list of today (今日随访): the open measures it owns, with today’s status',
    handler: async ({ actor }) => dueFollowUps(deps, actor),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/follow-ups',
    tag: TAG,
    permission: 'followup.record',
    body: FollowUpBody,
    headers: IdempotencyKeyHeaders,
    status: 201,
    response: FollowUp,
    summary:
      'Record a day’s follow-up of a measure the caller owns (正常 / 异常 / 未见到). Safe to resend with an ' +
      'Idempotency-Key (Idempotent-Replayed: true answers the first record)',
    async handler({ actor, body, headers, reply }) {
      const key = headers['idempotency-key'];
      const r = await recordFollowUp(deps, actor, body, {
        ...(key !== undefined ? { idempotency: { key, requestHash: requestHash(body) } } : {}),
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return presentFollowUp(r.followUp, JSON.parse(r.measure.test_days) as string[]);
    },
  });
}
