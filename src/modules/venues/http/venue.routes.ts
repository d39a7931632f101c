import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import {
  Closure,
  ClosureBody,
  Inspection,
  InspectionBody,
  LiftBody,
  SettingCodeParams,
  VenueBody,
  VenueDetail,
  VenueDetailQuery,
  VenueInspectionListQuery,
  VenueInspectionPage,
  VenueListQuery,
  VenuePage,
  VenueSettingItem,
  VenueSettingPatch,
  VenueSettings,
  VenueTypeBody,
  VenueUpdateBody,
} from '../../../contracts/venues.js';
import { addVenueSetting, updateVenueSetting } from '../commands/change-venue-setting.js';
import { issueClosure, liftClosure } from '../commands/closure-orders.js';
import { getVenue } from '../commands/get-venue.js';
import { inspectVenue } from '../commands/inspect-venue.js';
import { listVenueInspections } from '../commands/list-inspections.js';
import { listVenues } from '../commands/list-venues.js';
import { createVenue, updateVenue } from '../commands/save-venue.js';
import { canConfigure, settingList, type SettingKind } from '../commands/venue-settings.js';
import type { VenuesDeps } from '../deps.js';
import { registerVenueImportRoutes } from './venue-import.routes.js';
import { presentClosure, presentInspection, presentVenue, presentVenuePage } from './venue.presenter.js';
import { localDateOf } from '../../../kernel/calendar/index.js';

export function registerVenueRoutes(app: FastifyInstance, deps: VenuesDeps): void {
  registerVenueImportRoutes(app, deps);
  const detail = async (actor: Parameters<typeof getVenue>[1], id: string) =>
    presentVenue(await getVenue(deps, actor, id));

  route(app, {
    method: 'GET',
    url: '/api/v1/venues',
    tag: 'venues',
    permission: 'venue.read',
    query: VenueListQuery,
    response: VenuePage,
    summary:
      'Venues (场所) in scope, by unit subtree, type, status and text (name, address, owner), by name, offset-paged; phones masked',
    handler: async ({ actor, query }) => presentVenuePage(await listVenues(deps, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/venue-inspections',
    tag: 'venues',
    permission: 'venue.read',
    query: VenueInspectionListQuery,
    response: VenueInspectionPage,
    summary:
      'Inspections of the venues in an area over local days, both included (the list behind 场所检查合格率): ' +
      'the count and the passed count, the latest 500; by result',
    handler: ({ actor, query }) => listVenueInspections(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/venues',
    tag: 'venues',
    permission: 'venue.write',
    body: VenueBody,
    status: 201,
    response: VenueDetail,
    summary: 'Register a venue on a small grid in scope: a point located into the smallest grid, or a chosen grid',
    handler: async ({ actor, body, req }) => detail(actor, await createVenue(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/venues/:id',
    tag: 'venues',
    permission: 'venue.read',
    params: IdParams,
    query: VenueDetailQuery,
    response: VenueDetail,
    summary:
      'A venue in scope with its history (inspections and closure orders, oldest first). reveal=true with a reason ' +
      'shows the owner’s full phone to venue.write holders and is audited',
    handler: async ({ actor, params, query, req }) =>
      presentVenue(await getVenue(deps, actor, params.id, { ...query, requestId: req.id })),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/venues/:id',
    tag: 'venues',
    permission: 'venue.write',
    params: IdParams,
    body: VenueUpdateBody,
    response: VenueDetail,
    summary:
      'Edit a venue in scope (its new grid must be in scope too; a phone left out is kept); the status changes only by orders',
    handler: async ({ actor, params, body, req }) => {
      await updateVenue(deps, actor, params.id, body, req.id);
      return detail(actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/venues/:id/inspections',
    tag: 'venues',
    permission: 'venue.inspect',
    params: IdParams,
    body: InspectionBody,
    headers: IdempotencyKeyHeaders,
    status: 201,
    response: Inspection,
    summary:
      'Inspect a venue: every active checklist item once (合格/不合格/不适用), photos, and for a failure optionally a ledger case ' +
      'in the same transaction. Safe to resend with an Idempotency-Key header (per account, kept 7 days): the same key and body ' +
      'answer the first inspection with Idempotent-Replayed: true; another body is refused (422)',
    async handler({ actor, params, body, headers, req, reply }) {
      const key = headers['idempotency-key'];
      const r = await inspectVenue(deps, actor, params.id, body, {
        requestId: req.id,
        ...(key !== undefined ? { idempotency: { key, requestHash: requestHash({ venueId: params.id, body }) } } : {}),
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return presentInspection(r.row, r.photoIds);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/venues/:id/closures',
    tag: 'venues',
    permission: 'venue.write',
    params: IdParams,
    body: ClosureBody,
    status: 201,
    response: Closure,
    summary:
      'Issue a closure order (停业整顿): reason, first day (default today) and 1–365 days; one open order per venue',
    handler: async ({ actor, params, body, req }) =>
      presentClosure(await issueClosure(deps, actor, params.id, body, req.id), localDateOf(deps.clock.now())),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/venues/:id/closures/lift',
    tag: 'venues',
    permission: 'venue.write',
    params: IdParams,
    body: LiftBody,
    response: Closure,
    summary: 'Lift (解除) the open closure order: only after a passing re-check made since the order (409 otherwise)',
    handler: async ({ actor, params, body, req }) =>
      presentClosure(await liftClosure(deps, actor, params.id, body, req.id), localDateOf(deps.clock.now())),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/venue-settings',
    tag: 'venues',
    permission: 'venue.read',
    response: VenueSettings,
    summary:
      'The district’s venue types and inspection checklist (retired entries marked), and whether the caller keeps them',
    handler: async ({ actor }) => {
      const db = deps.database.db;
      return {
        types: await settingList(db, 'types', actor.districtCode),
        checkItems: await settingList(db, 'checkItems', actor.districtCode),
        canConfigure: await canConfigure(deps, db, actor),
      };
    },
  });
  const kinds: [SettingKind, string][] = [
    ['types', 'types'],
    ['checkItems', 'check-items'],
  ];
  for (const [kind, segment] of kinds) {
    route(app, {
      method: 'POST',
      url: `/api/v1/venue-settings/${segment}`,
      tag: 'venues',
      permission: 'venue.write',
      body: VenueTypeBody,
      status: 201,
      response: z.array(VenueSettingItem),
      summary: `Add a ${kind === 'types' ? 'venue type' : 'checklist item'} (district-wide venue managers only); its code is made by the server and stays`,
      handler: async ({ actor, body, req }) => addVenueSetting(deps, actor, kind, body.name, req.id),
    });
    route(app, {
      method: 'PATCH',
      url: `/api/v1/venue-settings/${segment}/:code`,
      tag: 'venues',
      permission: 'venue.write',
      params: SettingCodeParams,
      body: VenueSettingPatch,
      response: z.array(VenueSettingItem),
      summary: `Rename, retire or restore a ${kind === 'types' ? 'venue type' : 'checklist item'}; records keep its code`,
      handler: async ({ actor, params, body, req }) => updateVenueSetting(deps, actor, kind, params.code, body, req.id),
    });
  }
}
