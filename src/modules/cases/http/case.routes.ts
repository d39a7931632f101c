import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdempotencyKeyHeaders, requestHash } from '../../../kernel/http/idempotency.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import {
  CaseActionBody,
  CaseCategoryList,
  CaseDetail,
  CaseDuplicates,
  CaseKpis,
  CaseKpisByCategory,
  CaseFlows,
  CaseFlowsQuery,
  CasePoints,
  CasePointsQuery,
  CasePage,
  DispatchUnitsQuery,
  DuplicatesQuery,
  KpisQuery,
  KpisByCategoryQuery,
  LEDGER_PRINT_LIMIT,
  LedgerSheet,
  ListCasesQuery,
  ReportCaseBody,
  UpdateCategoryBody,
} from '../../../contracts/cases.js';
import { UnitBoundary, UnitList } from '../../../contracts/org.js';
import { listFilter } from '../commands/case-filter.js';
import { findDuplicates } from '../commands/find-duplicates.js';
import { getCase } from '../commands/get-case.js';
import { caseKpis } from '../commands/get-case-kpis.js';
import { caseKpisByCategory } from '../commands/get-kpis-by-category.js';
import { listCases } from '../commands/list-cases.js';
import { listCasePoints } from '../commands/list-case-points.js';
import { getCaseFlows } from '../commands/get-case-flows.js';
import { listDispatchTargets } from '../commands/list-dispatch-targets.js';
import { reconcileCase } from '../commands/reconcile-case.js';
import { recordReport } from '../commands/report-case.js';
import { toCaseActor } from '../commands/case-context.js';
import { presentCase, presentCaseBoundary, presentCasePage } from './case.presenter.js';
import { getCaseBoundary } from '../commands/get-case-boundary.js';
import { loadCaseView } from '../commands/case-names.js';
import { takeAction } from '../commands/take-action.js';
import { updateCategory } from '../commands/update-category.js';
import type { CasesDeps } from '../deps.js';
import { ledgerHeading, ledgerRows, ledgerSheet, LEDGER_COLUMNS } from './case.export.js';
import { listCategories } from '../commands/list-categories.js';

export function registerCaseRoutes(app: FastifyInstance, deps: CasesDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/case-categories',
    tag: 'cases',
    permission: 'case.read',
    response: CaseCategoryList,
    summary: 'Case categories (GB/T 30428.2 events and local ones) with time limits and default units',
    async handler({ actor }) {
      const { rows, unitNames } = await listCategories(deps, actor);
      return {
        items: rows.map((r) => ({
          code: r.code,
          parentCode: r.parent_code,
          name: r.name,
          level: r.level,
          source: r.source,
          timeLimit:
            r.time_limit_value && r.time_limit_unit ? { value: r.time_limit_value, unit: r.time_limit_unit } : null,
          defaultUnitId: r.default_unit_id,
          defaultUnitName: r.default_unit_id ? (unitNames.get(r.default_unit_id) ?? null) : null,
          duplicateRadiusM: r.duplicate_radius_m,
          active: r.active === 1,
        })),
      };
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/case-categories/:code',
    tag: 'cases',
    permission: 'category.write',
    status: 204,
    params: z.strictObject({ code: z.string().regex(/^\d{2}(\d{2})?$/) }),
    body: UpdateCategoryBody,
    summary: 'Edit a category: name, time limit, default responsible unit, duplicate radius, active',
    handler: ({ actor, params, body, req }) => updateCategory(deps, actor, params.code, body, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/dispatch-units',
    tag: 'cases',
    permission: 'case.read',
    query: DispatchUnitsQuery,
    response: UnitList,
    summary:
      'Where a case can be dispatched: the district’s departments and outside units and, given caseId, first the 街道 the case lies in and its communities (二级派遣)',
    async handler({ actor, query }) {
      const units = await listDispatchTargets(deps, actor, query.caseId);
      return {
        items: units.map((u) => ({
          id: u.id,
          parentId: u.path.split('/').filter(Boolean).at(-2) ?? null,
          kind: u.kind,
          code: u.code,
          name: u.name,
          districtCode: u.districtCode,
          status: u.status,
          hasBoundary: false,
          childCount: 0,
        })),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases',
    tag: 'cases',
    permission: 'case.report',
    body: ReportCaseBody,
    status: 201,
    headers: IdempotencyKeyHeaders,
    response: CaseDetail,
    summary:
      'Report a problem (发现上报); the grid is located automatically; 立行整改 with before/after photos. ' +
      'Safe to resend with an Idempotency-Key header (per account, kept 7 days): the same key and body answer the first case ' +
      'with Idempotent-Replayed: true; the same key with another body is refused (422)',
    async handler({ actor, body, headers, req, reply }) {
      const key = headers['idempotency-key'];
      // Answered from what the report wrote: the new case, its one action, the units it located.
      const { row, actions, units, replayed } = await recordReport(deps, actor, body, {
        requestId: req.id,
        ...(key !== undefined ? { idempotency: { key, requestHash: requestHash(body) } } : {}),
      });
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return presentCase(await loadCaseView(deps, deps.database.db, toCaseActor(actor), row, actions, units));
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases',
    tag: 'cases',
    permission: 'case.read',
    query: ListCasesQuery,
    response: CasePage,
    summary: 'The ledger: cases in scope with filters, newest report first or by sort/order, keyset-paged by cursor',
    handler: async ({ actor, query }) => presentCasePage(await listCases(deps, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/points',
    tag: 'cases',
    permission: 'case.read',
    query: CasePointsQuery,
    response: CasePoints,
    summary:
      'The open cases in scope as compact points for the map: [id, lng, lat, status, deadlineStatus, categoryCode], ' +
      'newest report first, at most 20,000 (truncated says when more matched)',
    handler: ({ actor, query }) => listCasePoints(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/flows',
    tag: 'cases',
    permission: 'case.read',
    query: CaseFlowsQuery,
    response: CaseFlows,
    summary:
      'A local day’s flows by hour in a unit of the caller’s scope (the wall display): cases reported and closed ' +
      'in each hour, by the case’s grid',
    handler: ({ actor, query }) => getCaseFlows(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/duplicates',
    tag: 'cases',
    permission: 'case.read',
    query: DuplicatesQuery,
    response: CaseDuplicates,
    summary: 'Up to five open cases of the category near a point, nearest first',
    handler: ({ actor, query }) => findDuplicates(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/kpis',
    tag: 'cases',
    permission: 'case.read',
    query: KpisQuery,
    response: CaseKpis,
    summary: 'GB/T 30428.4 indicators (结案率, 按期结案率, 返工率 …) for a unit subtree and period',
    handler: ({ actor, query }) => caseKpis(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/kpis/by-category',
    tag: 'cases',
    permission: 'case.read',
    query: KpisByCategoryQuery,
    response: CaseKpisByCategory,
    summary: 'GB/T 30428.4 indicators of a unit’s area for a period, one row per 大类 (category breakdown)',
    handler: ({ actor, query }) => caseKpisByCategory(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/export.xlsx',
    tag: 'cases',
    permission: 'case.read',
    query: ListCasesQuery,
    produces: XLSX_MEDIA_TYPE,
    summary: 'The ledger as .xlsx with Chinese headers, streamed (bounded memory for 100,000 rows)',
    async handler({ actor, query, reply, req }) {
      const filter = await listFilter(deps, actor, query, 1000);
      return sendXlsx(
        reply,
        req,
        {
          sheetName: '问题台账',
          ...(await ledgerHeading(deps, actor, query.unitId)),
          columns: LEDGER_COLUMNS,
          rows: ledgerRows(deps, actor, filter, deps.config.timeZone),
        },
        {
          fileName: `问题台账-${formatLocalDateTime(deps.clock.now(), deps.config.timeZone).slice(0, 10)}.xlsx`,
          asciiName: 'ledger.xlsx',
        },
      );
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/ledger-sheet',
    tag: 'cases',
    permission: 'case.read',
    query: ListCasesQuery,
    response: LedgerSheet,
    summary: `The filtered ledger in the export's columns, for printing (at most ${LEDGER_PRINT_LIMIT} rows)`,
    async handler({ actor, query }) {
      const filter = await listFilter(deps, actor, query, 1000);
      return ledgerSheet(deps, actor, filter, query.unitId, LEDGER_PRINT_LIMIT);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    tag: 'cases',
    permission: 'case.read',
    params: IdParams,
    response: CaseDetail,
    summary: 'One case with its timeline, photos and the actions the caller may take now',
    handler: async ({ actor, params }) => presentCase(await getCase(deps, actor, params.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/boundary',
    tag: 'cases',
    permission: 'case.read',
    params: IdParams,
    produces: 'application/geo+json',
    response: UnitBoundary,
    summary:
      'The boundary of the case’s grid (GeoJSON Feature, WGS-84), for whoever may see the case — also a handling unit outside the grid’s scope',
    handler: async ({ actor, params }) => presentCaseBoundary(await getCaseBoundary(deps, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/actions',
    tag: 'cases',
    permission: 'case.read',
    params: IdParams,
    body: CaseActionBody,
    headers: IdempotencyKeyHeaders,
    response: CaseDetail,
    summary:
      'Take one step of the loop (立案, 派遣, 反馈, 核查 …); refused with a reason when not allowed; 409 when someone acted first. ' +
      'Safe to resend with an Idempotency-Key header (per account, kept 7 days): the same key, case and body take the step once ' +
      'and answer the case with Idempotent-Replayed: true; the same key with another case or body is refused (422)',
    async handler({ actor, params, body, headers, req, reply }) {
      const key = headers['idempotency-key'];
      const idem = key !== undefined ? { key, requestHash: requestHash({ caseId: params.id, body }) } : undefined;
      const { view, replayed } = await takeAction(deps, actor, params.id, body, req.id, idem);
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return presentCase(view);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/reconcile',
    tag: 'cases',
    permission: 'case.read',
    params: IdParams,
    response: CaseDetail,
    summary: '对账销号: check a closed case off the ledger',
    async handler({ actor, params, req }) {
      await reconcileCase(deps, actor, params.id, req.id);
      return presentCase(await getCase(deps, actor, params.id));
    },
  });
}
