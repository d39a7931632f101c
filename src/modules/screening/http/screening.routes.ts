import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, uploadedSheet, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import {
  AnswerBody,
  Campaign,
  CampaignBody,
  CampaignList,
  Check,
  CheckListQuery,
  CheckPage,
  ChecksImported,
  Entry,
  EntryAdded,
  EntryBody,
  EntryListQuery,
  EntryPage,
  ImportQuery,
  ListedEntriesQuery,
  ListedEntryPage,
  PurgeBody,
  PurgeRecordView,
  RerouteBody,
  RevealQuery,
} from '../../../contracts/screening.js';
import { campaignVisible, visibleCampaign } from '../commands/campaign-access.js';
import { answerCheck, listChecks, rerouteCheck } from '../commands/checks.js';
import { addEntry, getEntry, listEntries, revealEntry } from '../commands/entries.js';
import { listListedEntries } from '../commands/list-listed-entries.js';
import { closeCampaign, openCampaign } from '../commands/open-campaign.js';
import { purgeCampaign, purgeRecordOf } from '../commands/purge.js';
import { checkSheetTemplate, pushChecks } from '../commands/push-checks.js';
import { campaignViews } from '../commands/views.js';
import type { ScreeningDeps } from '../deps.js';
import { screeningStore } from '../store/screening.store.js';
import type { Actor } from '../../../kernel/auth/actor.js';

const TAG = 'screening';

/** 排查名单 and 24小时协查 (SPEC §6): campaigns, entries, pushed-down checks, purge. */
export function registerScreeningRoutes(app: FastifyInstance, deps: ScreeningDeps): void {
  const db = deps.database.db;
  const campaign = async (actor: Actor, id: string) =>
    (await campaignViews(deps, db, actor, [await visibleCampaign(db, actor, id)]))[0]!;

  route(app, {
    method: 'GET',
    url: '/api/v1/screening-campaigns',
    tag: TAG,
    permission: 'screening.read',
    response: CampaignList,
    summary:
      'List campaigns (排查名单) opened for a unit in scope or covering the caller’s unit, open ones first then newest first, with the counts of the caller’s part',
    handler: async ({ actor }) => {
      // Open ones first, then the closed, then the purged; newest first within each.
      const rank = { open: 0, closed: 1, purged: 2 } as Record<string, number>;
      const rows = (await screeningStore.campaigns(db, actor.districtCode))
        .filter((c) => campaignVisible(actor, c))
        .sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3));
      return { items: await campaignViews(deps, db, actor, rows) };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-campaigns',
    tag: TAG,
    permission: 'screening.manage',
    body: CampaignBody,
    status: 201,
    response: Campaign,
    summary:
      'Open a list campaign for a unit in scope: name, window, its own fields (text, date or choice; required or not)',
    handler: async ({ actor, body, req }) => campaign(actor, await openCampaign(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-campaigns/:id',
    tag: TAG,
    permission: 'screening.read',
    params: IdParams,
    response: Campaign,
    summary: 'One campaign the caller sees, with the counts of their part',
    handler: async ({ actor, params }) => campaign(actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-campaigns/:id/close',
    tag: TAG,
    permission: 'screening.manage',
    params: IdParams,
    response: Campaign,
    summary: 'Close an open campaign (its data stays until purged); only a unit whose scope holds the campaign’s',
    handler: async ({ actor, params, req }) => {
      await closeCampaign(deps, actor, params.id, req.id);
      return campaign(actor, params.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-campaigns/:id/entries',
    tag: TAG,
    permission: 'screening.read',
    params: IdParams,
    query: EntryListQuery,
    response: EntryPage,
    summary:
      'The people on a campaign’s list placed in a grid in scope or reported by a unit in scope, newest first; ID numbers and phones masked',
    handler: async ({ actor, params, query }) => listEntries(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-entries',
    tag: TAG,
    permission: 'screening.read',
    query: ListedEntriesQuery,
    response: ListedEntryPage,
    summary:
      'People newly listed on grids of an area over days, any campaign (the list behind 排查人数): distinct people, entries, the newest 500 masked',
    handler: ({ actor, query }) => listListedEntries(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-campaigns/:id/entries',
    tag: TAG,
    permission: 'screening.write',
    params: IdParams,
    body: EntryBody,
    status: 201,
    response: EntryAdded,
    summary:
      'Report a person on an open campaign’s list (网格排查 / 敲门发现): GB 11643 ID number, the campaign’s fields, a grid ' +
      '(chosen, located, or the household’s). One entry per ID number: a second report attaches its unit (attached: true)',
    handler: async ({ actor, params, body, req }) => addEntry(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-entries/:id',
    tag: TAG,
    permission: 'screening.read',
    params: IdParams,
    response: Entry,
    summary: 'One entry in scope, masked',
    handler: async ({ actor, params }) => getEntry(deps, actor, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-entries/:id/reveal',
    tag: TAG,
    permission: 'screening.write',
    params: IdParams,
    query: RevealQuery,
    response: Entry,
    summary: 'One entry with the full ID number and phone; the view and its reason are audited (个人信息保护法)',
    handler: async ({ actor, params, query, req }) => revealEntry(deps, actor, params.id, query.reason, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-campaigns/:id/checks',
    tag: TAG,
    permission: 'screening.read',
    params: IdParams,
    query: CheckListQuery,
    response: CheckPage,
    summary:
      'The 协查 queue: items owned by units in scope, pending and soonest due first, with time left or 已超时; masked',
    handler: async ({ actor, params, query }) => listChecks(deps, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-checks/import-template.xlsx',
    tag: TAG,
    permission: 'screening.manage',
    produces: XLSX_MEDIA_TYPE,
    summary: 'The 协查名单 import sheet (姓名, 身份证号, 电话, 住址, 社区, 备注) with an example row',
    handler: async ({ reply, req }) =>
      sendXlsx(reply, req, checkSheetTemplate('德化社区'), {
        fileName: '协查名单导入模板.xlsx',
        asciiName: 'screening-checks-template.xlsx',
      }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-campaigns/:id/checks/import',
    tag: TAG,
    permission: 'screening.manage',
    params: IdParams,
    query: ImportQuery,
    status: 201,
    response: ChecksImported,
    summary:
      'Push a 协查 list down (multipart .xlsx, field "file"), all or nothing, every problem naming row and column; each row ' +
      'routed (household’s community, the sheet’s 社区, else the campaign’s unit) and due 24 hours later',
    handler: async ({ actor, params, query, req }) =>
      pushChecks(deps, actor, params.id, await uploadedSheet(req), query.batchName, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-checks/:id/answer',
    tag: TAG,
    permission: 'screening.write',
    params: IdParams,
    body: AnswerBody,
    response: Check,
    summary:
      'Answer a 协查 item owned in scope, once: 已找到 (the person goes on the list, or the owner attaches), 未找到, 不在本区, 已离开',
    handler: async ({ actor, params, body, req }) => answerCheck(deps, actor, params.id, body, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-checks/:id/route',
    tag: TAG,
    permission: 'screening.manage',
    params: IdParams,
    body: RerouteBody,
    response: Check,
    summary: 'Route an unanswered item by hand to a community of the campaign in scope; the due time stays',
    handler: async ({ actor, params, body, req }) => rerouteCheck(deps, actor, params.id, body.unitId, req.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/screening-campaigns/:id/purge',
    tag: TAG,
    permission: 'screening.manage',
    params: IdParams,
    body: PurgeBody,
    response: PurgeRecordView,
    summary:
      'Purge a closed campaign’s personal data (names, ID numbers, phones, addresses, field values, notes), the name typed ' +
      'again; counts and an HMAC-SHA256-signed record stay; audited',
    handler: async ({ actor, params, body, req }) => purgeCampaign(deps, actor, params.id, body.confirmName, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/screening-campaigns/:id/purge-record',
    tag: TAG,
    permission: 'screening.read',
    params: IdParams,
    response: PurgeRecordView,
    summary:
      'A purged campaign’s record as stored, its signature, and whether the signature checks under the server secret',
    handler: async ({ actor, params }) => purgeRecordOf(deps, actor, params.id),
  });
}
