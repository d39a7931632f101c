import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { startsWith } from '../../kernel/db/dialect.js';
import { route } from '../../kernel/http/route.js';
import { Invalid } from '../../kernel/errors.js';
import { VERSION } from '../../kernel/version.js';
import type { OrgDeps } from '../org/index.js';
import { createOrgApi } from '../org/index.js';
import { calendarYear, deleteCalendarDay, setCalendarDay } from './calendar.js';
import { AuditPage, CalendarYear, PublicSettings } from '../../contracts/platform.js';

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
      const limit = query.limit ?? 50;
      let q = deps.database.db.selectFrom('audit_events').selectAll().where('district_code', '=', actor.districtCode);
      if (query.entityType) q = q.where('entity_type', '=', query.entityType);
      if (query.entityId) q = q.where('entity_id', '=', query.entityId);
      if (query.actorId) q = q.where('actor_id', '=', query.actorId);
      if (query.action) q = q.where(startsWith('action', query.action));
      if (query.cursor) q = q.where('id', '<', query.cursor);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const parse = (s: string | null) => {
        if (s === null) return null;
        try {
          return JSON.parse(s);
        } catch {
          throw new Invalid('audit.corrupt', 'corrupt audit row');
        }
      };
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          before: parse(r.before),
          after: parse(r.after),
        })),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    },
  });
}
