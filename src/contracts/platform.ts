import { z } from 'zod';

// Replies of the platform pages (public settings, the working-day calendar, the audit log) and of
// the API's own description, shared by the server (OpenAPI, reply checks in tests) and the console.

export const PublicSettings = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  /** Optional map tiles under the boundaries; null draws them on a blank background. */
  mapTileUrl: z.string().nullable(),
  version: z.string(),
});
export type PublicSettings = z.infer<typeof PublicSettings>;

export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().optional(),
  /** 'official': the State Council's notice as shipped; 'admin': an override. */
  origin: z.enum(['official', 'admin']),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.object({
  year: z.number().int(),
  /** Whether the year's official schedule is known. */
  covered: z.boolean(),
  source: z.string().nullable(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  /** null for the system's own acts. */
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  /** The changed fields before and after, as recorded (JSON), or null. */
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** GET /api/v1/openapi.json: an OpenAPI 3.1 document. */
export const OpenApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** PUT /calendar/days/:date: override one day. */
export const SetCalendarDayBody = z.strictObject({
  kind: CalendarDay.shape.kind,
  name: z.string().trim().max(50).optional(),
});
export type SetCalendarDayBody = z.input<typeof SetCalendarDayBody>;

/** GET /audit: filters (action matches by prefix) and keyset paging. */
export const ListAuditQuery = z.strictObject({
  entityType: z.string().max(30).optional(),
  entityId: z.string().max(36).optional(),
  actorId: z.string().max(36).optional(),
  action: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(36).optional(),
});
