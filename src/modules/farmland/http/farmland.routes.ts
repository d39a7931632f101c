import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  ApprovalBody,
  FarmlandCaseList,
  OccupiedAreaBody,
  ParcelAtQuery,
  ParcelAtReply,
  ParcelFeatures,
  ParcelImportBody,
  ParcelImportReply,
  UnitQuery,
  VillageTable,
} from '../../../contracts/farmland.js';
import { CrsQuery } from '../../../contracts/org.js';
import { approveReject, listFarmlandCases, setOccupiedArea } from '../commands/farmland-cases.js';
import { farmlandTable, parcelAt, parcelFeatures } from '../commands/farmland-summary.js';
import { importParcels } from '../commands/import-parcels.js';
import type { FarmlandDeps } from '../deps.js';

const TAG = 'farmland';
/** A village's parcels from the 3rd land survey can run to many MB of coordinates. */
const PARCEL_BODY_LIMIT = 50 * 1024 * 1024;
const Ok = z.object({ ok: z.literal(true) });

export function registerFarmlandRoutes(app: FastifyInstance, deps: FarmlandDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/farmland/villages',
    tag: TAG,
    permission: 'farmland.read',
    query: UnitQuery,
    response: VillageTable,
    summary:
      'The farmland table under a unit in scope: per village, 耕地 and 永久基本农田 area (亩), parcels, farmland cases ' +
      '(open / closed / 不予立案) and the area they occupy, with the total',
    handler: ({ actor, query }) => farmlandTable(deps, actor, query.unitId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/farmland/parcels',
    tag: TAG,
    permission: 'farmland.read',
    query: UnitQuery,
    response: ParcelFeatures,
    produces: 'application/geo+json',
    summary: 'The parcels under a unit in scope as a FeatureCollection (WGS-84), with kind, code and area',
    handler: ({ actor, query }) => parcelFeatures(deps, actor, query.unitId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/farmland/parcel-at',
    tag: TAG,
    permission: 'farmland.read',
    query: ParcelAtQuery,
    response: ParcelAtReply,
    summary:
      'The parcel in scope a WGS-84 point lies in (永久基本农田 before 耕地 where they overlap); found=false if none',
    handler: ({ actor, query }) => parcelAt(deps, actor, query.lng, query.lat),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/farmland/villages/:id/parcels',
    tag: TAG,
    permission: 'farmland.write',
    params: IdParams,
    query: CrsQuery,
    body: ParcelImportBody,
    bodyLimit: PARCEL_BODY_LIMIT,
    response: ParcelImportReply,
    summary:
      'Import a village’s parcels from a FeatureCollection (properties.kind 耕地 / 永久基本农田, code, name), ' +
      'replacing its parcels; all or nothing. A parcel wholly outside the village is refused, one partly outside flagged',
    handler: ({ actor, params, query, body, req }) =>
      importParcels(deps, actor, params.id, body.features, query.crs, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/farmland/cases',
    tag: TAG,
    permission: 'farmland.read',
    query: UnitQuery,
    response: FarmlandCaseList,
    summary:
      'Farmland cases (违法占用耕地 inside a parcel) under a unit in scope, newest first, with status and approval',
    handler: ({ actor, query }) => listFarmlandCases(deps, actor, query.unitId),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/farmland/cases/:id/occupied-area',
    tag: TAG,
    permission: 'farmland.write',
    params: IdParams,
    body: OccupiedAreaBody,
    response: Ok,
    summary: 'Record (or clear with null) the area a farmland case occupies, in 亩',
    handler: async ({ actor, params, body, req }) => {
      await setOccupiedArea(deps, actor, params.id, body.occupiedMu, req.id);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/farmland/cases/:id/approval',
    tag: TAG,
    permission: 'farmland.approve',
    params: IdParams,
    body: ApprovalBody,
    status: 201,
    response: Ok,
    summary:
      'District-level approval (区级审批) that an open farmland case may be closed as 不予立案; without it, ' +
      'only a district-level account may close it so',
    handler: async ({ actor, params, body, req }) => {
      await approveReject(deps, actor, params.id, body.note, req.id);
      return { ok: true as const };
    },
  });
}
