import type { Actor } from '../../kernel/auth/actor.js';
import type { Open311Backend, Open311Request } from '../open311/index.js';
import { CASE_STATUS_NAMES, stateFromJson, type CaseStatus } from './domain/index.js';
import type { CasesDeps } from './deps.js';
import { reportCase } from './commands/report-case.js';
import { caseStore } from './store/case.store.js';

const CLOSED: ReadonlySet<string> = new Set(['closed', 'rejected', 'merged']);

/**
 * The ledger seen through Open311 GeoReport v2. Citizen reports enter with source 'open311' and go
 * through triage like any other; only such reports are listed publicly (a grid worker's internal
 * report is not published). Request ids are case numbers, which citizens can quote on the phone.
 */
export function createOpen311Backend(deps: CasesDeps): Open311Backend {
  const db = deps.database.db;
  return {
    async services(districtCode) {
      const cats = await caseStore.categories(db, districtCode);
      const groups = new Map(cats.filter((c) => c.level === 1).map((c) => [c.code, c.name]));
      return cats
        .filter((c) => c.level === 2 && c.active === 1)
        .map((c) => ({
          service_code: c.code,
          service_name: c.name,
          description: c.time_limit_value
            ? `处置时限 ${c.time_limit_value} ${c.time_limit_unit === 'hours' ? '个工作小时' : '个工作日'}`
            : null,
          type: 'realtime' as const,
          keywords: [groups.get(c.parent_code ?? '') ?? ''].filter(Boolean),
          group: groups.get(c.parent_code ?? '') ?? null,
          attributes: [],
        }));
    },

    async createRequest(client, input) {
      const district = await deps.org.unitByCode(db, client.districtCode);
      if (!district) throw new Error(`district ${client.districtCode} missing`);
      // The API key id stands in for an account id (a UUID, like them); the display name says who it is.
      const accountId = client.apiKeyId;
      // The client app acts for the citizen: a reporter with no roles, scoped to the district.
      const actor: Actor = {
        accountId,
        username: accountId,
        displayName: `市民（${client.name}）`,
        districtCode: client.districtCode,
        unitId: district.id,
        scopePath: district.path,
        roles: [],
        permissions: new Set(),
      };
      const service = await caseStore.category(db, client.districtCode, input.service_code);
      const id = await reportCase(
        deps,
        actor,
        {
          categoryCode: input.service_code,
          description: input.description?.trim() || service?.name || input.service_code,
          location:
            input.lat !== null && input.long !== null ? { lng: input.long, lat: input.lat, crs: 'wgs84' } : null,
          address: input.address_string ?? (input.address_id ? `地址编号 ${input.address_id}` : null),
          source: 'open311',
        },
        {
          caseActor: { accountId, roles: [], unitId: district.id, scopePath: district.path, via: 'open311' },
          comment: input.media_url ? `市民附图：${input.media_url}` : undefined,
        },
      );
      const row = (await caseStore.findById(db, id))!;
      return { serviceRequestId: row.case_number, token: null, serviceNotice: '已受理，将由所在街道研判后派遣处置' };
    },

    async findRequests(districtCode, f) {
      const rows = await caseStore.open311Requests(db, districtCode, {
        caseNumbers: f.ids,
        categoryCodes: f.serviceCodes,
        from: f.start?.toISOString(),
        to: f.end?.toISOString(),
        status: f.statuses?.length === 1 ? { in: f.statuses[0] === 'closed', values: [...CLOSED] } : undefined,
        limit: f.limit ?? 1000,
      });
      const cats = new Map((await caseStore.categories(db, districtCode)).map((c) => [c.code, c.name]));
      const units = await deps.org.unitsByIds(
        db,
        rows.map((r) => r.assigned_unit_id).filter((x): x is string => !!x),
      );
      return rows.map((r): Open311Request => {
        const s = stateFromJson(r.state);
        const closed = CLOSED.has(r.status);
        const notes = [
          CASE_STATUS_NAMES[r.status as CaseStatus],
          s.rejectionReason ? `原因：${s.rejectionReason}` : null,
        ]
          .filter(Boolean)
          .join('；');
        return {
          service_request_id: r.case_number,
          status: closed ? 'closed' : 'open',
          status_notes: notes,
          service_name: cats.get(r.category_code) ?? null,
          service_code: r.category_code,
          description: r.description,
          agency_responsible: r.assigned_unit_id ? (units.get(r.assigned_unit_id)?.name ?? null) : null,
          service_notice: null,
          requested_datetime: new Date(r.reported_at),
          updated_datetime: new Date(r.updated_at),
          expected_datetime: r.deadline ? new Date(r.deadline) : null,
          address: r.address,
          address_id: null,
          zipcode: null,
          lat: r.lat,
          long: r.lng,
          media_url: null,
        };
      });
    },

    async findToken() {
      // Every service is realtime: a request id is answered at once, so no token is ever issued.
      return null;
    },

    async servicesChangedAt(districtCode) {
      const m = await caseStore.categoriesChangedAt(db, districtCode);
      return m ? new Date(m) : null;
    },
  };
}
