import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  BattleMap,
  BranchList,
  MeasureBody,
  MeasurePatchBody,
  MeasureReportBody,
  PlanBody,
  YearQuery,
} from '../../../contracts/star-plans.js';
import { addMeasure } from '../commands/add-measure.js';
import { battleMap } from '../commands/get-battle-map.js';
import { listBranches } from '../commands/list-branches.js';
import { reportMeasure } from '../commands/report-measure.js';
import { savePlan } from '../commands/save-plan.js';
import { updateMeasure } from '../commands/update-measure.js';
import type { PlansDeps } from '../plans-deps.js';
import { planStore } from '../store/plan.store.js';

const thisYear = (deps: PlansDeps) => Number(localDateOf(deps.clock.now()).slice(0, 4));

const TAG = 'stars';

/** Battle maps (作战图): the stars a branch goes for in a year and its measures, which are supervision tasks. */
export function registerPlanRoutes(app: FastifyInstance, deps: PlansDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches',
    tag: TAG,
    permission: 'star.read',
    query: YearQuery,
    response: BranchList,
    summary: 'The party branches in scope with the stars they go for in the year, battle-map progress and teams',
    handler: async ({ actor, query }) => listBranches(deps, actor, query.year ?? thisYear(deps)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stars/branches/:id/plan',
    tag: TAG,
    permission: 'star.read',
    params: IdParams,
    query: YearQuery,
    response: BattleMap,
    summary: 'A branch’s battle map for a year: its stars, measures with their tasks’ state, done / behind per star',
    handler: async ({ actor, params, query }) => battleMap(deps, actor, params.id, query.year ?? thisYear(deps)),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/stars/branches/:id/plan',
    tag: TAG,
    permission: 'star.report',
    params: IdParams,
    body: PlanBody,
    response: BattleMap,
    summary:
      'Declare or revise the stars a branch in scope goes for in a year (stars of its set; a star measures serve stays)',
    handler: async ({ actor, params, body, req }) => {
      await savePlan(deps, actor, params.id, body, req.id);
      return battleMap(deps, actor, params.id, body.year);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/branches/:id/measures',
    tag: TAG,
    permission: 'star.report',
    params: IdParams,
    body: MeasureBody,
    status: 201,
    response: BattleMap,
    summary:
      'Add a measure to the battle map: a supervision task led by the branch (or a 包联 unit) with the star it serves, ' +
      'its owner, dates, milestones and the team taking it on',
    handler: async ({ actor, params, body, req }) => {
      await addMeasure(deps, actor, params.id, body, req.id);
      return battleMap(deps, actor, params.id, body.year);
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/stars/measures/:id',
    tag: TAG,
    permission: 'star.report',
    params: IdParams,
    body: MeasurePatchBody,
    response: BattleMap,
    summary: 'Move a measure to another of the plan’s stars, or change its owner or team',
    handler: async ({ actor, params, body, req }) => {
      const m = await updateMeasure(deps, actor, params.id, body, req.id);
      const plan = await planStore.byId(deps.database.db, m.plan_id);
      return battleMap(deps, actor, m.branch_id, plan!.year);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stars/measures/:id/reports',
    tag: TAG,
    permission: 'star.report',
    params: IdParams,
    body: MeasureReportBody,
    status: 201,
    response: BattleMap,
    summary:
      'Report progress on a measure through its task (the lead unit’s side); 100 % ticks it off (对账销号) with evidence files',
    handler: async ({ actor, params, body, req }) => {
      const r = await reportMeasure(deps, actor, params.id, body, req.id);
      return battleMap(deps, actor, r.branchId, r.year);
    },
  });
}
