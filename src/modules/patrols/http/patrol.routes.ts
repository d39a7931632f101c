import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CoverageQuery,
  CoverageReport,
  EndPatrolBody,
  LinkCaseBody,
  PatrolAreaList,
  PatrolDetail,
  PatrolList,
  PatrolListQuery,
  StartPatrolBody,
  TrackBody,
  TrackCollection,
  TrackResult,
  TracksQuery,
} from '../../../contracts/patrols.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { patrolCoverage } from '../commands/coverage.js';
import { dayTracks } from '../commands/day-tracks.js';
import { endPatrol } from '../commands/end-patrol.js';
import { linkCase } from '../commands/link-case.js';
import { listPatrolAreas } from '../commands/list-areas.js';
import { activePatrol, getPatrol, listPatrols } from '../commands/list-patrols.js';
import { recordTrack } from '../commands/record-track.js';
import { startPatrol } from '../commands/start-patrol.js';
import type { PatrolsDeps } from '../deps.js';
import { presentPatrol, presentPatrolDetail } from './patrol.presenter.js';

const TAG = 'patrols';

const idempotency = (key: string | undefined, body: unknown) =>
  key !== undefined ? { idempotency: { key, requestHash: requestHash(body) } } : {};

export function registerPatrolRoutes(app: FastifyInstance, deps: PatrolsDeps): void {
  const detail = async (actor: Actor, id: string) => presentPatrolDetail(await getPatrol(deps, actor, id));

  route(app, {
    method: 'GET',
    url: '/api/v1/patrols',
    tag: TAG,
    permission: 'patrol.read',
    query: PatrolListQuery,
    response: PatrolList,
    summary: 'Patrols (巡查 / 耕地巡查) in scope and the caller’s own, newest first, by period, unit, kind, person',
    handler: async ({ actor, query }) => ({ items: (await listPatrols(deps, actor, query)).map(presentPatrol) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/patrols',
    tag: TAG,
    permission: 'patrol.record',
    body: StartPatrolBody,
    headers: IdempotencyKeyHeaders,
    status: 201,
    response: PatrolDetail,
    summary:
      'Start a patrol (开始巡查) of grids in scope, or of a village’s farmland (耕地巡查), at the phone’s time, with ' +
      'the people along. The phone may choose the id; safe to resend with an Idempotency-Key',
    async handler({ actor, body, headers, reply, req }) {
      const r = await startPatrol(deps, actor, body, {
        ...idempotency(headers['idempotency-key'], body),
        requestId: req.id,
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return detail(actor, r.patrol.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/patrols/active',
    tag: TAG,
    permission: 'patrol.record',
    response: z.object({ patrol: PatrolList.shape.items.element.nullable() }),
    summary: 'The caller’s patrol under way, if any (the phone resumes it)',
    handler: async ({ actor }) => {
      const v = await activePatrol(deps, actor);
      return { patrol: v ? presentPatrol(v) : null };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/patrols/areas',
    tag: TAG,
    permission: 'patrol.record',
    response: PatrolAreaList,
    summary: 'The small grids and villages the caller may patrol',
    handler: async ({ actor }) => ({ items: await listPatrolAreas(deps, actor) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/patrols/coverage',
    tag: TAG,
    permission: 'patrol.read',
    query: CoverageQuery,
    response: CoverageReport,
    summary:
      'Patrol coverage under a unit in scope over a period: per small grid (or village) patrolled days ÷ days, ' +
      'grids never walked, and per person',
    handler: async ({ actor, query }) => patrolCoverage(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/patrols/tracks',
    tag: TAG,
    permission: 'patrol.read',
    query: TracksQuery,
    response: TrackCollection,
    summary: 'A day’s patrol tracks under a unit in scope as GeoJSON LineStrings (WGS-84, or GCJ-02 with crs=gcj02)',
    handler: async ({ actor, query }) => dayTracks(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/patrols/:id',
    tag: TAG,
    permission: 'patrol.read',
    params: IdParams,
    response: PatrolDetail,
    summary: 'One patrol with its track (far points flagged) and the cases linked to it',
    handler: async ({ actor, params }) => detail(actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/patrols/:id/track',
    tag: TAG,
    permission: 'patrol.record',
    params: IdParams,
    body: TrackBody,
    headers: IdempotencyKeyHeaders,
    response: TrackResult,
    summary:
      'Add a batch of GPS points to the caller’s patrol under way: thinned and stored compactly; a point far ' +
      'outside the patrol’s grids is kept and flagged. Safe to resend with an Idempotency-Key',
    async handler({ actor, params, body, headers, reply }) {
      const r = await recordTrack(deps, actor, params.id, body, idempotency(headers['idempotency-key'], body));
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return r.result;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/patrols/:id/end',
    tag: TAG,
    permission: 'patrol.record',
    params: IdParams,
    body: EndPatrolBody,
    headers: IdempotencyKeyHeaders,
    response: PatrolDetail,
    summary: 'End the caller’s patrol (结束巡查) at the phone’s time, with its last points; it then counts in coverage',
    async handler({ actor, params, body, headers, reply, req }) {
      const r = await endPatrol(deps, actor, params.id, body, {
        ...idempotency(headers['idempotency-key'], body),
        requestId: req.id,
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return detail(actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/patrols/:id/cases',
    tag: TAG,
    permission: 'patrol.record',
    params: IdParams,
    body: LinkCaseBody,
    headers: IdempotencyKeyHeaders,
    response: PatrolDetail,
    summary:
      'Link a ledger case found or fixed on the spot to a patrol: a case the caller sees, in one of the patrol’s ' +
      'grids (or its village). Linking twice changes nothing',
    async handler({ actor, params, body, headers, reply, req }) {
      const r = await linkCase(deps, actor, params.id, body, {
        ...idempotency(headers['idempotency-key'], body),
        requestId: req.id,
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return detail(actor, params.id);
    },
  });
}
