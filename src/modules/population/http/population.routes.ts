import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import {
  Building,
  BuildingBody,
  BuildingList,
  BuildingListQuery,
  CoverageQuery,
  CoverageReport,
  HouseholdBody,
  HouseholdListQuery,
  HouseholdPage,
  HouseholdPatch,
  HouseholdSummary,
  KnockedHouseholdPage,
  KnockedHouseholdsQuery,
  MergeReview,
  MergeReviewDecision,
  MergeReviewList,
  Resident,
  ResidentBody,
  ResidentCreated,
  ResidentExportQuery,
  ResidentHistory,
  ResidentListQuery,
  ResidentMoveBody,
  ResidentPage,
  ResidentPatch,
  ResidentTag,
  ResidentTagBody,
  ResidentTagList,
  RevealQuery,
  Round,
  RoundBody,
  RoundHouseholdList,
  RoundHouseholdQuery,
  RoundList,
  Visit,
  VisitBody,
  VisitList,
} from '../../../contracts/population.js';
import { createBuilding } from '../commands/create-building.js';
import { createHousehold } from '../commands/create-household.js';
import { createResident } from '../commands/create-resident.js';
import { createRound } from '../commands/create-round.js';
import { exportResidents } from '../commands/export-residents.js';
import { getResident, revealResident } from '../commands/get-resident.js';
import { listBuildings } from '../commands/list-buildings.js';
import { getHousehold, listHouseholds } from '../commands/list-households.js';
import { listResidents } from '../commands/list-residents.js';
import { getRound, listRounds, viewOfRound } from '../commands/list-rounds.js';
import { listVisits } from '../commands/list-visits.js';
import { listKnockedHouseholds } from '../commands/list-knocked-households.js';
import { decideMergeReview, listMergeReviews } from '../commands/merge-reviews.js';
import { moveResident } from '../commands/move-resident.js';
import { recordVisit } from '../commands/record-visit.js';
import { residentHistory } from '../commands/resident-history.js';
import { createResidentTag, listResidentTags, updateResidentTag } from '../commands/resident-tags.js';
import { roundCoverage } from '../commands/round-coverage.js';
import { roundHouseholds } from '../commands/round-households.js';
import { updateHousehold } from '../commands/update-household.js';
import { updateResident } from '../commands/update-resident.js';
import type { PopulationDeps } from '../deps.js';
import {
  presentBuilding,
  presentCoverage,
  presentHousehold,
  presentResident,
  presentReview,
  presentRound,
  presentTag,
  presentVisit,
} from './population.presenter.js';
import { registerImportRoutes } from './population-import.routes.js';

const TAG = 'population';

export function registerPopulationRoutes(app: FastifyInstance, deps: PopulationDeps): void {
  const today = () => deps.clock.now();

  // Places --------------------------------------------------------------------------------------
  route(app, {
    method: 'GET',
    url: '/api/v1/buildings',
    tag: TAG,
    permission: 'resident.read',
    query: BuildingListQuery,
    response: BuildingList,
    summary: 'The buildings (楼栋) of a unit’s subtree (default: the caller’s scope), by name',
    handler: async ({ actor, query }) => {
      const { rows, grids } = await listBuildings(deps, actor, query);
      return { items: rows.map((r) => presentBuilding(r, grids)) };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/buildings',
    tag: TAG,
    permission: 'resident.write',
    body: BuildingBody,
    status: 201,
    response: Building,
    summary: 'Register a building on the grid its point lies in, or on a chosen small grid in scope',
    handler: async ({ actor, body }) => {
      const { row, grids } = await createBuilding(deps, actor, body);
      return presentBuilding(row, grids);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/households',
    tag: TAG,
    permission: 'resident.read',
    query: HouseholdListQuery,
    response: HouseholdPage,
    summary: 'A page of the households (户) of a unit’s subtree, in door order; search by door, building or member',
    handler: async ({ actor, query }) => {
      const { rows, grids, nextCursor } = await listHouseholds(deps, actor, query);
      return { items: rows.map((r) => presentHousehold(r, grids)), nextCursor };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/households',
    tag: TAG,
    permission: 'resident.write',
    body: HouseholdBody,
    status: 201,
    response: HouseholdSummary,
    summary: 'Register a household at its door (门牌); a point in no grid without a chosen grid is refused',
    handler: async ({ actor, body }) => {
      const { row, grids } = await createHousehold(deps, actor, body);
      return presentHousehold(row, grids);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/households/:id',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    response: HouseholdSummary,
    summary: 'One household in scope',
    handler: async ({ actor, params }) => {
      const { row, grids } = await getHousehold(deps, actor, params.id);
      return presentHousehold(row, grids);
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/households/:id',
    tag: TAG,
    permission: 'resident.write',
    params: IdParams,
    body: HouseholdPatch,
    response: HouseholdSummary,
    summary: 'Correct a household’s door, building, note or place; its residents follow it to another grid',
    handler: async ({ actor, params, body }) => {
      const { row, grids } = await updateHousehold(deps, actor, params.id, body);
      return presentHousehold(row, grids);
    },
  });

  // Residents -------------------------------------------------------------------------------------
  route(app, {
    method: 'GET',
    url: '/api/v1/residents',
    tag: TAG,
    permission: 'resident.read',
    query: ResidentListQuery,
    response: ResidentPage,
    summary: 'A page of residents (by name), ID numbers and phones masked; filter by household, tag, 人口类型, status',
    handler: async ({ actor, query }) => {
      const { views, nextCursor } = await listResidents(deps, actor, query);
      return { items: views.map(presentResident), nextCursor };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents',
    tag: TAG,
    permission: 'resident.write',
    body: ResidentBody,
    status: 201,
    response: ResidentCreated,
    summary:
      'Register a person (GB 11643 ID number checked): a new record, merged into the record with the same ID number ' +
      '(same name), or held for a merge review (another name) — never a second record',
    handler: async ({ actor, body, req }) => {
      const r = await createResident(deps, actor, body, req.id);
      return { outcome: r.outcome, reviewId: r.reviewId, resident: presentResident(r.view) };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/export.xlsx',
    tag: TAG,
    permission: 'resident.read',
    query: ResidentExportQuery,
    produces: XLSX_MEDIA_TYPE,
    summary:
      'The residents of a unit’s subtree as .xlsx, ID numbers and phones masked; reveal=true with a reason (resident.reveal) exports them in full, audited',
    handler: async ({ actor, query, reply, req }) => {
      const { sheet, revealed } = await exportResidents(deps, actor, query, deps.timeZone, req.id);
      return sendXlsx(reply, req, sheet, {
        fileName: revealed ? '居民名册（完整）.xlsx' : '居民名册.xlsx',
        asciiName: 'residents.xlsx',
      });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/:id',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    response: Resident,
    summary: 'One resident in scope, masked',
    handler: async ({ actor, params }) => presentResident(await getResident(deps, actor, params.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/:id/reveal',
    tag: TAG,
    permission: 'resident.reveal',
    params: IdParams,
    query: RevealQuery,
    response: Resident,
    summary: 'One resident with the full ID number and phone; the view and its reason are audited (个人信息保护法)',
    handler: async ({ actor, params, query, req }) =>
      presentResident(await revealResident(deps, actor, params.id, query.reason, req.id)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/residents/:id',
    tag: TAG,
    permission: 'resident.write',
    params: IdParams,
    body: ResidentPatch,
    response: Resident,
    summary: 'Correct a resident’s facts or mark them 已迁出 / 已故; audited, kept in the history',
    handler: async ({ actor, params, body, req }) =>
      presentResident(await updateResident(deps, actor, params.id, body, req.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/:id/move',
    tag: TAG,
    permission: 'resident.write',
    params: IdParams,
    body: ResidentMoveBody,
    response: Resident,
    summary: 'Moving house (搬迁) to another household in scope; the old door stays in the history',
    handler: async ({ actor, params, body, req }) =>
      presentResident(await moveResident(deps, actor, params.id, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/:id/history',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    response: ResidentHistory,
    summary: 'A resident’s history, oldest first: registered, moved, merged, reviewed, status',
    handler: async ({ actor, params }) => ({ items: await residentHistory(deps, actor, params.id) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/resident-reviews',
    tag: TAG,
    permission: 'resident.read',
    response: MergeReviewList,
    summary: 'Merge reviews (same ID number, another name) whose entry or record lies in scope, pending first',
    handler: async ({ actor }) => ({
      items: (await listMergeReviews(deps, actor)).map((v) => presentReview(v.row, v.resident, v.grid)),
    }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/resident-reviews/:id/decision',
    tag: TAG,
    permission: 'resident.write',
    params: IdParams,
    body: MergeReviewDecision,
    response: MergeReview,
    summary: 'Decide a merge review: which name is right; the entry’s other facts join the record either way',
    handler: async ({ actor, params, body, req }) => {
      const v = await decideMergeReview(deps, actor, params.id, body, req.id);
      return presentReview(v.row, v.resident, v.grid);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/resident-tags',
    tag: TAG,
    permission: 'resident.read',
    response: ResidentTagList,
    summary: 'The district’s resident tags (留守老人, 低保 …), retired ones too',
    handler: async ({ actor }) => ({ items: (await listResidentTags(deps, actor)).map(presentTag) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/resident-tags',
    tag: TAG,
    permission: 'resident.configure',
    body: ResidentTagBody,
    status: 201,
    response: ResidentTag,
    summary: 'Add a resident tag',
    handler: async ({ actor, body }) => presentTag(await createResidentTag(deps, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/resident-tags/:code',
    tag: TAG,
    permission: 'resident.configure',
    params: z.strictObject({ code: z.string().regex(/^[a-z0-9_]{1,30}$/) }),
    body: ResidentTagBody,
    response: ResidentTag,
    summary: 'Rename or retire a resident tag (records keep its code)',
    handler: async ({ actor, params, body }) => presentTag(await updateResidentTag(deps, actor, params.code, body)),
  });

  // Door-knocking rounds ----------------------------------------------------------------------------
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-households',
    tag: TAG,
    permission: 'resident.read',
    query: KnockedHouseholdsQuery,
    response: KnockedHouseholdPage,
    summary:
      'Households door-knocked in an area over days, any round (the list behind 敲门入户数 / 在家已核实户数): the count and the latest 500',
    handler: ({ actor, query }) => listKnockedHouseholds(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-rounds',
    tag: TAG,
    permission: 'resident.read',
    response: RoundList,
    summary:
      'Door-knocking rounds (敲门行动) over or inside the caller’s scope, newest first, with coverage in that scope',
    handler: async ({ actor }) => ({ items: (await listRounds(deps, actor)).map((v) => presentRound(v, today())) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/door-knock-rounds',
    tag: TAG,
    permission: 'doorknock.manage',
    body: RoundBody,
    status: 201,
    response: Round,
    summary: 'Open a door-knocking round over a sub-district, community or grid in scope for a window of days',
    handler: async ({ actor, body, req }) => {
      const row = await createRound(deps, actor, body, req.id);
      return presentRound(await viewOfRound(deps, actor, row), today());
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-rounds/:id',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    response: Round,
    summary: 'One round with its coverage in the caller’s scope',
    handler: async ({ actor, params }) => presentRound(await getRound(deps, actor, params.id), today()),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-rounds/:id/coverage',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    query: CoverageQuery,
    response: CoverageReport,
    summary:
      'Coverage (走访率 = households visited ÷ households in scope) of a unit, one row per child unit: sub-districts, communities, grids',
    handler: async ({ actor, params, query }) => presentCoverage(await roundCoverage(deps, actor, params.id, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-rounds/:id/households',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    query: RoundHouseholdQuery,
    response: RoundHouseholdList,
    summary:
      'A grid’s households with members and their state in the round (the phone’s 敲门 list); gaps=true: not yet visited',
    handler: ({ actor, params, query }) => roundHouseholds(deps, actor, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/door-knock-rounds/:id/visits',
    tag: TAG,
    permission: 'resident.write',
    params: IdParams,
    body: VisitBody,
    headers: IdempotencyKeyHeaders,
    status: 201,
    response: Visit,
    summary:
      'Record a door-knocking visit: result, who was home, people found (registered or merged) and gone (已迁出), photos. ' +
      'Safe to resend with an Idempotency-Key (Idempotent-Replayed: true answers the first visit)',
    async handler({ actor, params, body, headers, req, reply }) {
      const key = headers['idempotency-key'];
      const r = await recordVisit(deps, actor, params.id, body, {
        requestId: req.id,
        ...(key !== undefined ? { idempotency: { key, requestHash: requestHash({ round: params.id, body }) } } : {}),
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return presentVisit(r.visit, r.address, r.grid.get(r.visit.grid_path)!);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/door-knock-rounds/:id/visits',
    tag: TAG,
    permission: 'resident.read',
    params: IdParams,
    query: z.strictObject({ householdId: z.uuid().optional(), gridId: z.uuid().optional() }),
    response: VisitList,
    summary: 'A round’s visits in the caller’s part of it, newest first (one household’s or one grid’s)',
    handler: async ({ actor, params, query }) => ({
      items: (await listVisits(deps, actor, params.id, query)).map((v) => presentVisit(v.row, v.address, v.grid)),
    }),
  });

  registerImportRoutes(app, deps);
}
