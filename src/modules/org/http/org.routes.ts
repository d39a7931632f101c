import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  Account,
  AccountList,
  BoundaryCollection,
  ChildBoundaries,
  ChildBoundariesQuery,
  CreatedAccount,
  CreateAccountBody,
  CreatePersonBody,
  CreateUnitBody,
  CrsQuery,
  ListAccountsQuery,
  ListPeopleQuery,
  ImportBoundariesReply,
  ListUnitsQuery,
  LocateQuery,
  LocateReply,
  MoveUnitBody,
  Person,
  PersonList,
  TemporaryPassword,
  Unit,
  UnitBoundary,
  UnitDetail,
  UnitList,
  UpdateAccountBody,
  UpdatePersonBody,
  UpdateUnitBody,
} from '../../../contracts/org.js';
import { createUnit } from '../commands/create-unit.js';
import { importBoundaries } from '../commands/import-boundaries.js';
import { setUnitBoundary } from '../commands/set-unit-boundary.js';
import { locatePoint } from '../commands/locate-point.js';
import { createAccount } from '../commands/create-account.js';
import { listAccounts } from '../commands/list-accounts.js';
import { resetPassword } from '../commands/reset-password.js';
import { updateAccount } from '../commands/update-account.js';
import { moveUnit } from '../commands/move-unit.js';
import { retireUnit } from '../commands/retire-unit.js';
import { createPerson } from '../commands/create-person.js';
import { getPerson } from '../commands/get-person.js';
import { listPeople } from '../commands/list-people.js';
import { revealPerson } from '../commands/reveal-person.js';
import { updatePerson } from '../commands/update-person.js';
import { getBoundary } from '../commands/get-boundary.js';
import { getChildBoundaries } from '../commands/get-child-boundaries.js';
import { getUnit } from '../commands/get-unit.js';
import { listUnits } from '../commands/list-units.js';
import { updateUnit } from '../commands/update-unit.js';
import type { OrgDeps } from '../deps.js';
import {
  presentAccount,
  presentAccounts,
  presentLocation,
  presentNewAccount,
  presentPeople,
  presentPersonData,
  presentUnit,
  presentUnitDetail,
  presentUnits,
} from './org.presenter.js';

const BOUNDARY_BODY_LIMIT = 50 * 1024 * 1024;

export function registerOrgRoutes(app: FastifyInstance, deps: OrgDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/units',
    tag: 'org',
    permission: 'unit.read',
    query: ListUnitsQuery,
    summary: 'Units in the caller’s data scope; without filters the scope root, with parentId its children',
    response: UnitList,
    handler: async ({ actor, query }) => presentUnits(await listUnits(deps, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/units/:id',
    tag: 'org',
    permission: 'unit.read',
    params: IdParams,
    response: UnitDetail,
    summary: 'One unit with its ancestors and (for grids) its grid workers',
    handler: async ({ actor, params }) => presentUnitDetail(await getUnit(deps, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/units',
    tag: 'org',
    permission: 'unit.write',
    body: CreateUnitBody,
    status: 201,
    response: Unit,
    summary: 'Create a unit under a parent; kind and official code are checked against the parent',
    handler: async ({ actor, body, req }) => presentUnit(await createUnit(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/units/:id',
    tag: 'org',
    permission: 'unit.write',
    params: IdParams,
    body: UpdateUnitBody,
    response: Unit,
    summary: 'Rename a unit or change its official code',
    handler: async ({ actor, params, body, req }) =>
      presentUnit(await updateUnit(deps, actor, params.id, body, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/units/:id/move',
    tag: 'org',
    permission: 'unit.write',
    params: IdParams,
    body: MoveUnitBody,
    response: Unit,
    summary: 'Move a unit and its subtree under another parent',
    handler: async ({ actor, params, body, req }) =>
      presentUnit(await moveUnit(deps, actor, params.id, body.parentId, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/units/:id/retire',
    tag: 'org',
    permission: 'unit.write',
    params: IdParams,
    response: Unit,
    summary: 'Retire (撤销) a unit; units are never hard-deleted',
    handler: async ({ actor, params, req }) => presentUnit(await retireUnit(deps, actor, params.id, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/units/:id/boundary',
    tag: 'org',
    permission: 'unit.read',
    params: IdParams,
    produces: 'application/geo+json',
    response: UnitBoundary,
    summary: 'The unit’s own boundary as a GeoJSON Feature (WGS-84)',
    handler: ({ actor, params }) => getBoundary(deps, actor, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/units/:id/boundary',
    tag: 'org',
    permission: 'boundary.write',
    params: IdParams,
    query: CrsQuery,
    status: 204,
    body: z.object({ type: z.string() }).passthrough(),
    bodyLimit: BOUNDARY_BODY_LIMIT,
    summary: 'Set the unit’s own boundary from a GeoJSON Feature or geometry (crs converts GCJ-02/BD-09 input)',
    async handler({ actor, params, query, body, req }) {
      const geometry = body.type === 'Feature' ? (body as { geometry?: unknown }).geometry : body;
      await setUnitBoundary(deps, actor, params.id, geometry, query.crs, req.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/units/:id/boundaries',
    tag: 'org',
    permission: 'unit.read',
    params: IdParams,
    query: ChildBoundariesQuery,
    response: ChildBoundaries,
    produces: 'application/geo+json',
    summary:
      'The boundaries of the unit’s active children (or, with level=grids, of every active small grid under it) ' +
      'as a FeatureCollection (WGS-84)',
    handler: ({ actor, params, query }) => getChildBoundaries(deps, actor, params.id, query.level),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/units/:id/boundaries',
    tag: 'org',
    permission: 'boundary.write',
    params: IdParams,
    query: CrsQuery,
    body: BoundaryCollection,
    bodyLimit: BOUNDARY_BODY_LIMIT,
    response: ImportBoundariesReply,
    summary:
      'Import the children’s boundaries from a FeatureCollection, matched by properties.code or name; all or nothing',
    handler: ({ actor, params, query, body, req }) =>
      importBoundaries(deps, actor, params.id, body.features, query.crs, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/grids/locate',
    tag: 'org',
    permission: 'unit.read',
    query: LocateQuery,
    summary: 'The smallest grid containing a point (and its ancestors); found=false when it lies in none',
    response: LocateReply,
    handler: async ({ actor, query }) => presentLocation(await locatePoint(deps, actor, query)),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/people',
    tag: 'people',
    permission: 'person.read',
    query: ListPeopleQuery,
    summary: 'People (staff, grid workers, volunteers) in scope; phones masked',
    response: PersonList,
    handler: async ({ actor, query }) => presentPeople(await listPeople(deps, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/people/:id',
    tag: 'people',
    permission: 'person.read',
    params: IdParams,
    query: z.strictObject({ reveal: z.enum(['true', 'false']).optional() }),
    response: Person,
    summary: 'One person; reveal=true returns the unmasked phone to roles with person.reveal, and is audited',
    handler: async ({ actor, params, query, req }) =>
      presentPersonData(
        query.reveal === 'true'
          ? await revealPerson(deps, actor, params.id, req.id)
          : await getPerson(deps, actor, params.id),
      ),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/people',
    tag: 'people',
    permission: 'person.write',
    body: CreatePersonBody,
    status: 201,
    response: Person,
    summary: 'Register a person in a unit, optionally assigned to grids',
    handler: async ({ actor, body, req }) => presentPersonData(await createPerson(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/people/:id',
    tag: 'people',
    permission: 'person.write',
    params: IdParams,
    body: UpdatePersonBody,
    response: Person,
    summary: 'Change a person’s details, unit or grids',
    handler: async ({ actor, params, body, req }) =>
      presentPersonData(await updatePerson(deps, actor, params.id, body, req.id)),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/accounts',
    tag: 'accounts',
    permission: 'account.read',
    query: ListAccountsQuery,
    summary: 'Accounts in scope',
    response: AccountList,
    handler: async ({ actor, query }) => presentAccounts(await listAccounts(deps, actor, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/accounts',
    tag: 'accounts',
    permission: 'account.write',
    body: CreateAccountBody,
    status: 201,
    summary: 'Create an account; the temporary password is returned once and must be changed at first login',
    response: CreatedAccount,
    handler: async ({ actor, body, req }) => presentNewAccount(await createAccount(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/accounts/:id',
    tag: 'accounts',
    permission: 'account.write',
    params: IdParams,
    body: UpdateAccountBody,
    response: Account,
    summary: 'Change an account’s name, unit (data scope), roles, or disable it',
    handler: async ({ actor, params, body, req }) =>
      presentAccount(await updateAccount(deps, actor, params.id, body, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/accounts/:id/reset-password',
    tag: 'accounts',
    permission: 'account.write',
    params: IdParams,
    summary: 'Issue a new temporary password (shown once); the account must change it at next login',
    response: TemporaryPassword,
    handler: ({ actor, params, req }) => resetPassword(deps, actor, params.id, req.id),
  });
}
