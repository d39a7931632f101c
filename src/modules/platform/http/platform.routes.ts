import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../kernel/http/route.js';
import { VERSION } from '../../../kernel/version.js';
import type { OrgDeps } from '../../org/index.js';
import { createOrgApi } from '../../org/index.js';
import { deleteCalendarDay } from '../commands/delete-calendar-day.js';
import { calendarYear } from '../commands/get-calendar-year.js';
import { listAuditEvents } from '../commands/list-audit-events.js';
import { setCalendarDay } from '../commands/set-calendar-day.js';
import { presentAuditEvent } from './platform.presenter.js';
import { AuditPage, CalendarYear, PublicSettings } from '../../../contracts/platform.js';

const DateParam = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      '不是有效日期',
    ),
});

/** Platform-wide pages: public settings, the working-day calendar, the audit log. */
export function registerPlatform(app: FastifyInstance, deps: OrgDeps): void {
  const org = createOrgApi(deps);
  route(app, {
    method: 'GET',
    url: '/api/v1/settings/public',
    tag: 'platform',
    auth: 'none',
    summary: 'Settings the console needs before login',
    response: PublicSettings,
    async handler() {
      const district = await org.unitByCode(deps.database.db, deps.config.districtCode);
      return {
        districtCode: deps.config.districtCode,
        districtName: district?.name ?? '',
        mapTileUrl: deps.config.mapTileUrl,
        version: VERSION,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/calendar',
    tag: 'platform',
    query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    summary: 'The special days of a year (holidays, make-up workdays, admin overrides) and whether the year is covered',
    response: CalendarYear,
    handler: ({ actor, query }) => calendarYear(deps, actor, query.year),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/calendar/days/:date',
    tag: 'platform',
    permission: 'calendar.write',
    params: DateParam,
    status: 204,
    body: z.strictObject({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(50).optional() }),
    summary: 'Override one day (e.g. enter a year whose notice is not shipped yet)',
    handler: ({ actor, params, body, req }) => setCalendarDay(deps, actor, params.date, body, req.id),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/calendar/days/:date',
    tag: 'platform',
    permission: 'calendar.write',
    params: DateParam,
    status: 204,
    summary: 'Remove an override',
    handler: ({ actor, params, req }) => deleteCalendarDay(deps, actor, params.date, req.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/audit',
    tag: 'platform',
    permission: 'audit.read',
    query: z.strictObject({
      entityType: z.string().max(30).optional(),
      entityId: z.string().max(36).optional(),
      actorId: z.string().max(36).optional(),
      action: z.string().max(50).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      cursor: z.string().max(36).optional(),
    }),
    summary: 'The audit log of the caller’s district, newest first, keyset-paged by cursor',
    response: AuditPage,
    async handler({ actor, query }) {
      const { rows, nextCursor } = await listAuditEvents(deps, actor, query);
      return { items: rows.map(presentAuditEvent), nextCursor };
    },
  });
}
