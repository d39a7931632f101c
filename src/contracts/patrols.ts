import { z } from 'zod';

// Shapes of the patrols API (巡查, issue 13 items 3 and 7): patrols of grids and farmland patrols of a
// village (耕地巡查), started and ended on the phone, with a GPS track, the people along and the cases
// found or fixed on the way; coverage per grid and period; a day's tracks as GeoJSON. Shared by the
// server (validation, OpenAPI) and the console. Times are ISO UTC; days Asia/Shanghai (YYYY-MM-DD).

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601' });

export const PATROL_KINDS = ['grid', 'farmland'] as const;
export const PatrolKind = z.enum(PATROL_KINDS);
export type PatrolKind = z.infer<typeof PatrolKind>;
export const PATROL_KIND_NAMES: Record<PatrolKind, string> = { grid: '网格巡查', farmland: '耕地巡查' };

export const PATROL_STATUSES = ['active', 'ended'] as const;
export const PatrolStatus = z.enum(PATROL_STATUSES);
export type PatrolStatus = z.infer<typeof PatrolStatus>;
export const PATROL_STATUS_NAMES: Record<PatrolStatus, string> = { active: '巡查中', ended: '已结束' };

export const PATROL_CASE_OUTCOMES = ['found', 'fixed'] as const;
export const PatrolCaseOutcome = z.enum(PATROL_CASE_OUTCOMES);
export type PatrolCaseOutcome = z.infer<typeof PatrolCaseOutcome>;
export const PATROL_CASE_OUTCOME_NAMES: Record<PatrolCaseOutcome, string> = { found: '发现上报', fixed: '当场处置' };

export const TrackPointInput = z.strictObject({
  lat: z.number().min(-90, '纬度须在 −90 至 90 之间').max(90, '纬度须在 −90 至 90 之间'),
  lng: z.number().min(-180, '经度须在 −180 至 180 之间').max(180, '经度须在 −180 至 180 之间'),
  /** When the phone took the point (its clock). */
  at: instant,
  /** The fix's accuracy in metres, as the phone reports it. */
  accuracy: z.number().min(0).max(100_000).optional(),
});
export type TrackPointInput = z.infer<typeof TrackPointInput>;

const points = z.array(TrackPointInput).max(2000, '一次最多上传 2000 个轨迹点');

/** Someone along: an account, or a volunteer by name only. */
export const Companion = z.strictObject({
  accountId: z.uuid().optional(),
  name: z.string().trim().min(1, '请填写姓名').max(50, '最长 50 个字符'),
});

export const StartPatrolBody = z.strictObject({
  /** Chosen by the phone, so the outbox can queue the track and the end before the start is answered. */
  id: z.uuid().optional(),
  kind: PatrolKind,
  /** The grids walked (kind 'grid'). */
  gridIds: z.array(z.uuid()).max(20, '最多 20 个网格').optional(),
  /** The village whose farmland is walked (kind 'farmland'). */
  villageId: z.uuid().optional(),
  /** The phone's clock. */
  startedAt: instant,
  companions: z.array(Companion).max(30, '最多 30 人').default([]),
  note: z.string().trim().max(500, '最长 500 个字符').optional(),
});
export type StartPatrolBody = z.infer<typeof StartPatrolBody>;

export const TrackBody = z.strictObject({ points });
export type TrackBody = z.infer<typeof TrackBody>;

export const EndPatrolBody = z.strictObject({
  endedAt: instant,
  /** The last points, when the phone sends them with the end. */
  points: points.optional(),
  note: z.string().trim().max(500, '最长 500 个字符').optional(),
});
export type EndPatrolBody = z.infer<typeof EndPatrolBody>;

export const LinkCaseBody = z.strictObject({
  caseId: z.uuid(),
  outcome: PatrolCaseOutcome.default('found'),
});
export type LinkCaseBody = z.infer<typeof LinkCaseBody>;

export const PatrolListQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  unitId: z.uuid().optional(),
  kind: PatrolKind.optional(),
  status: PatrolStatus.optional(),
  recorderId: z.uuid().optional(),
  /** Only patrols with points far outside their area. */
  far: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PatrolListQuery = z.infer<typeof PatrolListQuery>;

const PatrolUnit = z.object({ id: z.string(), name: z.string(), path: z.string() });
const PatrolPerson = z.object({
  accountId: z.string().nullable(),
  name: z.string(),
  role: z.enum(['recorder', 'companion']),
});

export const Patrol = z.object({
  id: z.string(),
  kind: PatrolKind,
  status: PatrolStatus,
  units: z.array(PatrolUnit),
  recorder: z.object({ id: z.string(), name: z.string() }),
  people: z.array(PatrolPerson),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  startDay: z.string(),
  durationMinutes: z.number().nullable(),
  points: z.number(),
  farPoints: z.number(),
  distanceM: z.number(),
  cases: z.number(),
  note: z.string().nullable(),
});
export type Patrol = z.infer<typeof Patrol>;

export const PatrolList = z.object({ items: z.array(Patrol) });
export type PatrolList = z.infer<typeof PatrolList>;

export const PatrolCase = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  categoryCode: z.string(),
  description: z.string(),
  status: z.string(),
  outcome: PatrolCaseOutcome,
  linkedAt: z.string(),
});

export const PatrolDetail = Patrol.extend({
  /** [lng, lat, ISO time, far] in time order, WGS-84 (the map converts). */
  track: z.array(z.tuple([z.number(), z.number(), z.string(), z.boolean()])),
  caseLinks: z.array(PatrolCase),
  canRecord: z.boolean(),
});
export type PatrolDetail = z.infer<typeof PatrolDetail>;

export const TrackResult = z.object({
  patrolId: z.string(),
  received: z.number(),
  stored: z.number(),
  far: z.number(),
  points: z.number(),
});
export type TrackResult = z.infer<typeof TrackResult>;

export const CoverageQuery = z.strictObject({
  unitId: z.uuid().optional(),
  from: day,
  to: day,
  kind: PatrolKind.default('grid'),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CoverageReport = z.object({
  from: z.string(),
  to: z.string(),
  /** The last day counted: `to`, or today (Shanghai) when the period runs on past it. */
  through: z.string(),
  /** Days of [from, through]: the divisor of the ratios. */
  days: z.number(),
  unit: z.object({ id: z.string(), name: z.string() }),
  ratio: z.number(),
  grids: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The community (or village) it lies in. */
      community: z.string().nullable(),
      patrolledDays: z.number(),
      patrols: z.number(),
      ratio: z.number(),
      /** The last local day it was patrolled (an ended patrol), in or out of the period; null if never. */
      lastPatrolledDay: z.string().nullable(),
    }),
  ),
  /** Grids with no patrolled day in the period (期间未巡查). */
  neverWalked: z.number(),
  people: z.array(
    z.object({
      accountId: z.string().nullable(),
      name: z.string(),
      patrols: z.number(),
      patrolledDays: z.number(),
      grids: z.number(),
    }),
  ),
});
export type CoverageReport = z.infer<typeof CoverageReport>;

export const TracksQuery = z.strictObject({
  day,
  unitId: z.uuid().optional(),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});
export type TracksQuery = z.infer<typeof TracksQuery>;

/** GeoJSON FeatureCollection of LineStrings, one per patrol (properties: who, when, far points). */
export const TrackCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        patrolId: z.string(),
        kind: PatrolKind,
        recorder: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        units: z.string(),
        /** [lng, lat] of the points far outside the patrol's area. */
        far: z.array(z.tuple([z.number(), z.number()])),
      }),
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
    }),
  ),
});
export type TrackCollection = z.infer<typeof TrackCollection>;

export const PatrolAreaList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string() })),
});
