import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import type { TrackPointInput } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { checkPoints, FAR_FROM_AREA_M, MAX_POINTS_PER_PATROL, THIN_TOLERANCE_M } from '../domain/patrol-rules.js';
import { encodeTrack, type TrackPoint } from '../domain/track-codec.js';
import { distanceToAreaM, thinTrack, trackLengthM } from '../domain/track-geometry.js';
import { patrolStore, type PatrolRow } from '../store/patrol.store.js';

/** The shapes of a patrol's grids or village (read outside the transaction; a unit without one flags nothing). */
export async function patrolAreas(deps: PatrolsDeps, ex: Executor, patrolId: string): Promise<BoundaryGeometry[]> {
  const units = (await patrolStore.unitsOf(ex, [patrolId])).get(patrolId) ?? [];
  const shapes = await Promise.all(units.map((u) => deps.org.boundary(ex, u.unit_id)));
  return shapes.flatMap((b) => (b ? [JSON.parse(b.geometry) as BoundaryGeometry] : []));
}

/** Checks a batch's times against the patrol, refusing the whole batch naming the first point that does not fit. */
export function checkBatch(p: PatrolRow, points: readonly TrackPointInput[], endedAt: Date | null, now: Date): void {
  const issue = checkPoints(
    points.map((x) => ({ lat: x.lat, lng: x.lng, at: new Date(x.at) })),
    { startedAt: new Date(p.started_at), endedAt, now },
  );
  if (issue) throw new Invalid(issue.code, issue.code, [{ field: issue.field, code: issue.code, message: issue.code }]);
}

/**
 * Flags points far from the patrol's areas (kept, never refused), thins the batch (Douglas–Peucker,
 * flagged points always kept), stores it as one encoded chunk and adds to the patrol's totals.
 */
export async function appendTrack(
  trx: Executor,
  p: PatrolRow,
  points: readonly TrackPointInput[],
  areas: readonly BoundaryGeometry[],
  now: string,
): Promise<{
  stored: number;
  far: number;
  totals: Pick<PatrolRow, 'points' | 'far_points' | 'distance_m' | 'last_point'>;
}> {
  const totals = { points: p.points, far_points: p.far_points, distance_m: p.distance_m, last_point: p.last_point };
  if (points.length === 0) return { stored: 0, far: 0, totals };
  const flagged: TrackPoint[] = points
    .map((x) => ({
      lat: x.lat,
      lng: x.lng,
      t: new Date(x.at).getTime(),
      far: areas.length > 0 && Math.min(...areas.map((a) => distanceToAreaM(x, a))) > FAR_FROM_AREA_M,
    }))
    .sort((a, b) => a.t - b.t);
  const kept = thinTrack(flagged, THIN_TOLERANCE_M, (x) => x.far);
  if (p.points + kept.length > MAX_POINTS_PER_PATROL)
    throw new Invalid('patrol.track_full', 'the patrol holds too many track points', [
      {
        field: 'points',
        code: 'patrol.track_full',
        message: 'too many points',
        params: { max: MAX_POINTS_PER_PATROL },
      },
    ]);
  const far = kept.filter((x) => x.far).length;
  const last = p.last_point ? (JSON.parse(p.last_point) as [number, number, number]) : null;
  const path = [...(last ? [{ lng: last[0], lat: last[1] }] : []), ...kept];
  const tail = kept.at(-1)!;
  totals.points += kept.length;
  totals.far_points += far;
  totals.distance_m += Math.round(trackLengthM(path));
  totals.last_point = JSON.stringify([tail.lng, tail.lat, tail.t]);
  await patrolStore.addChunk(trx, {
    patrol_id: p.id,
    seq: await patrolStore.nextChunkSeq(trx, p.id),
    points: kept.length,
    first_at: new Date(kept[0]!.t).toISOString(),
    last_at: new Date(tail.t).toISOString(),
    data: encodeTrack(kept),
  });
  await patrolStore.update(trx, p.id, { ...totals, updated_at: now });
  return { stored: kept.length, far, totals };
}
