/**
 * The rules of a patrol's times and track, free of I/O: the phone's clock gives the times (it may have
 * been offline for hours), the server's clock says what cannot be true yet.
 */

/** How far ahead of the server a phone's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** How long a patrol may last. */
export const MAX_PATROL_MS = 24 * 3_600_000;
/** How old a start may be when it arrives (a phone offline for days still delivers). */
export const MAX_START_AGE_MS = 7 * 24 * 3_600_000;
/** A track point farther than this from the patrol's grids or village is flagged (kept, never refused). */
export const FAR_FROM_AREA_M = 500;
/** Douglas–Peucker tolerance: points within this of the thinned line are dropped. */
export const THIN_TOLERANCE_M = 5;
/** Points in one upload. */
export const MAX_POINTS_PER_BATCH = 2000;
/**
 * Points one patrol keeps after thinning: a 24-hour walk at 5 km/h with a vertex every 5 m is about
 * 24 000, so more is a phone gone wrong (or a flood), refused before it fills the table.
 */
export const MAX_POINTS_PER_PATROL = 50_000;

export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** A start time the server can believe. */
export function checkStart(startedAt: Date, now: Date): FieldIssue | null {
  if (startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { field: 'startedAt', code: 'patrol.time_future' };
  if (startedAt.getTime() < now.getTime() - MAX_START_AGE_MS)
    return { field: 'startedAt', code: 'patrol.start_too_old' };
  return null;
}

/** An end time after the start, not in the future, within the longest patrol. */
export function checkEnd(startedAt: Date, endedAt: Date, now: Date): FieldIssue | null {
  if (endedAt.getTime() < startedAt.getTime()) return { field: 'endedAt', code: 'patrol.end_before_start' };
  if (endedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { field: 'endedAt', code: 'patrol.time_future' };
  if (endedAt.getTime() - startedAt.getTime() > MAX_PATROL_MS)
    return { field: 'endedAt', code: 'patrol.too_long', params: { hours: MAX_PATROL_MS / 3_600_000 } };
  return null;
}

export interface RawPoint {
  lat: number;
  lng: number;
  at: Date;
}

/**
 * The points of a batch that do not fit the patrol: times before its start or after its end (or the
 * server's now), each naming its index. Coordinates out of range never reach here (the schema refuses them).
 */
export function checkPoints(
  points: readonly RawPoint[],
  window: { startedAt: Date; endedAt: Date | null; now: Date },
): FieldIssue | null {
  const from = window.startedAt.getTime() - CLOCK_SKEW_MS;
  const to = (window.endedAt ?? window.now).getTime() + CLOCK_SKEW_MS;
  for (let i = 0; i < points.length; i++) {
    const t = points[i]!.at.getTime();
    if (t < from || t > to) return { field: `points[${i}].at`, code: 'patrol.point_outside_patrol' };
  }
  return null;
}
