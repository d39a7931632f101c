import type { FastifyInstance } from 'fastify';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  Achievement,
  CampaignBody,
  CampaignDetail,
  CampaignList,
  CampaignListQuery,
  Entry,
  EntryBody,
  EntryList,
  EntryListQuery,
  FigureSourceList,
  Indicator,
  IndicatorBody,
  IndicatorList,
  LinkCaseBody,
  PeriodQuery,
  RecordList,
  SumsQuery,
  SumsTable,
  Target,
  TargetBody,
  TargetList,
  TargetListQuery,
} from '../../../contracts/campaigns.js';
import { getCampaign, linkCase, listCampaigns, openCampaign } from '../commands/campaigns.js';
import {
  achievements,
  indicatorRecords,
  indicatorSums,
  listEntries,
  presentEntries,
} from '../commands/indicator-figures.js';
import { defineIndicator, listIndicators, listSources, presentIndicator } from '../commands/indicators.js';
import { recordEntry } from '../commands/record-entry.js';
import { listTargets, setTarget } from '../commands/targets.js';
import type { CampaignsDeps } from '../deps.js';

const TAG = 'campaigns';

export function registerCampaignRoutes(app: FastifyInstance, deps: CampaignsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/campaigns',
    tag: TAG,
    permission: 'campaign.read',
    response: CampaignList,
    query: CampaignListQuery,
    summary:
      'Campaigns (集中整治 / 专项行动) scoped under the caller, covering the caller’s place, or joined by the caller’s unit; unitId, from and to narrow them to those scoped in a unit’s subtree and starting in the days',
    handler: async ({ actor, query }) => ({ items: await listCampaigns(deps, actor, query) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/campaigns',
    tag: TAG,
    permission: 'campaign.manage',
    body: CampaignBody,
    status: 201,
    response: CampaignDetail,
    summary:
      'Open a campaign for a unit in scope, with its window, participating and 包联 units, volunteers and categories',
    handler: async ({ actor, body, req }) =>
      getCampaign(deps, actor, (await openCampaign(deps, actor, body, req.id)).id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/campaigns/:id',
    tag: TAG,
    permission: 'campaign.read',
    params: IdParams,
    response: CampaignDetail,
    summary: 'One campaign with its units, linked ledger cases and measured quantities (its indicator entries)',
    handler: async ({ actor, params }) => getCampaign(deps, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/cases',
    tag: TAG,
    permission: 'campaign.manage',
    params: IdParams,
    body: LinkCaseBody,
    response: CampaignDetail,
    summary: 'Link a ledger case to the campaign’s results (linked, not copied); refused for a case outside its scope',
    handler: async ({ actor, params, body, req }) => {
      await linkCase(deps, actor, params.id, body.caseId, req.id);
      return getCampaign(deps, actor, params.id);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/indicators',
    tag: TAG,
    permission: ['indicator.read', 'indicator.enter', 'indicator.define'],
    response: IndicatorList,
    summary: 'The district’s work indicators (工作量指标), entered or computed',
    handler: async ({ actor }) => ({ items: await listIndicators(deps, actor) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/indicators',
    tag: TAG,
    permission: 'indicator.define',
    body: IndicatorBody,
    status: 201,
    response: Indicator,
    summary: 'Define a work indicator: entered, or computed from a figure source (GET /api/v1/indicators/sources)',
    handler: async ({ actor, body, req }) => presentIndicator(deps, await defineIndicator(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/indicators/sources',
    tag: TAG,
    permission: ['indicator.read', 'indicator.define'],
    response: FigureSourceList,
    summary: 'The figures computed indicators may count with (every module’s report figures)',
    handler: async ({ actor }) => ({ items: listSources(deps, actor) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/indicators/achievements',
    tag: TAG,
    permission: 'indicator.read',
    query: PeriodQuery,
    response: Achievement,
    summary:
      '工作成效 of a unit over days [from, to]: each indicator with a sentence phrase, its value, and the generated sentence',
    handler: async ({ actor, query }) => achievements(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/indicators/:id/sums',
    tag: TAG,
    permission: 'indicator.read',
    params: IdParams,
    query: SumsQuery,
    response: SumsTable,
    summary: 'One indicator by unit × month: the unit’s children and the unit’s total, each entry counted once',
    handler: async ({ actor, params, query }) => indicatorSums(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/indicators/:id/records',
    tag: TAG,
    permission: 'indicator.read',
    params: IdParams,
    query: PeriodQuery,
    response: RecordList,
    summary:
      'The records behind an indicator’s figure for a unit and days: its entries, or the cases / campaigns counted',
    handler: async ({ actor, params, query }) => indicatorRecords(deps, actor, params.id, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/indicator-entries',
    tag: TAG,
    permission: 'indicator.read',
    query: EntryListQuery,
    response: EntryList,
    summary: 'Indicator entries under a unit in scope, newest first (at most 500, with the total)',
    handler: async ({ actor, query }) => listEntries(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/indicator-entries',
    tag: TAG,
    permission: 'indicator.enter',
    body: EntryBody,
    headers: IdempotencyKeyHeaders,
    status: 201,
    response: Entry,
    summary:
      'Enter a work quantity (录入工作量) at a unit in scope: in the indicator’s unit of measure, > 0, optionally a ' +
      'campaign’s. Safe to resend with an Idempotency-Key (Idempotent-Replayed: true answers the first entry)',
    async handler({ actor, body, headers, reply }) {
      const key = headers['idempotency-key'];
      const r = await recordEntry(deps, actor, body, {
        ...(key !== undefined ? { idempotency: { key, requestHash: requestHash(body) } } : {}),
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      const [entry] = await presentEntries(deps, deps.database.db, [r.entry]);
      return { ...entry!, measureUnit: body.measureUnit };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/indicator-targets',
    tag: TAG,
    permission: 'indicator.read',
    query: TargetListQuery,
    response: TargetList,
    summary: 'Targets under a unit in scope with their actual, expected share and status (met / on track / behind)',
    handler: async ({ actor, query }) => ({ items: await listTargets(deps, actor, query) }),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/indicator-targets',
    tag: TAG,
    permission: 'indicator.define',
    body: TargetBody,
    response: Target,
    summary: 'Set an indicator’s target for a unit and period (a quantity, or references to exceed for "两个高于")',
    handler: async ({ actor, body, req }) => {
      const id = await setTarget(deps, actor, body, req.id);
      const t = (await listTargets(deps, actor, { unitId: body.unitId, period: body.period })).find((x) => x.id === id);
      return t!;
    },
  });
}
