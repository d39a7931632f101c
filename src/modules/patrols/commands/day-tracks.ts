import gcoord from 'gcoord';
import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { TrackCollection, TracksQuery } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { decodeTrack } from '../domain/track-codec.js';
import { patrolStore } from '../store/patrol.store.js';
import { scopeUnit } from './list-patrols.js';

/**
 * A day's tracks under a unit in scope as GeoJSON LineStrings (one per patrol), in WGS-84 or in GCJ-02
 * for a map drawn over AMap/Tencent tiles; the points far from the patrol's area listed beside.
 */
export async function dayTracks(deps: PatrolsDeps, actor: Actor, q: TracksQuery): Promise<TrackCollection> {
  authorize(actor, 'patrol.read');
  const ex = deps.database.db;
  const unit = await scopeUnit(deps, actor, q.unitId);
  const rows = await patrolStore.ofDay(ex, {
    districtCode: actor.districtCode,
    day: q.day,
    path: unit.path,
    viewerId: actor.accountId,
  });
  const ids = rows.map((r) => r.id);
  const [chunks, units] = await Promise.all([patrolStore.chunksOf(ex, ids), patrolStore.unitsOf(ex, ids)]);
  const byPatrol = new Map<string, ReturnType<typeof decodeTrack>>();
  for (const c of chunks) byPatrol.set(c.patrol_id, [...(byPatrol.get(c.patrol_id) ?? []), ...decodeTrack(c.data)]);
  const xy = (lng: number, lat: number): [number, number] =>
    q.crs === 'gcj02' ? (gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]) : [lng, lat];
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => (byPatrol.get(r.id)?.length ?? 0) > 0)
      .map((r) => {
        const pts = byPatrol.get(r.id)!;
        const coordinates = pts.map((p) => xy(p.lng, p.lat));
        // A LineString needs two positions: a single fix is drawn as a dot of zero length.
        if (coordinates.length === 1) coordinates.push(coordinates[0]!);
        return {
          type: 'Feature' as const,
          properties: {
            patrolId: r.id,
            kind: r.kind as 'grid' | 'farmland',
            recorder: r.recorder_name,
            startedAt: r.started_at,
            endedAt: r.ended_at,
            units: (units.get(r.id) ?? []).map((u) => u.unit_name).join('、'),
            far: pts.filter((p) => p.far).map((p) => xy(p.lng, p.lat)),
          },
          geometry: { type: 'LineString' as const, coordinates },
        };
      }),
  };
}
