import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { pointInGeometry } from '../../../kernel/geo/point-in-polygon.js';

/**
 * Distances on a patrol's scale (a few kilometres): an equirectangular projection around the points
 * themselves, good to well under a percent there, which is all a thinning tolerance or a 500 m flag needs.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LngLat {
  lng: number;
  lat: number;
}

/** Metres east and north of `origin`. */
function project(p: LngLat, origin: LngLat): [number, number] {
  return [
    (p.lng - origin.lng) * RAD * EARTH_RADIUS_M * Math.cos(origin.lat * RAD),
    (p.lat - origin.lat) * RAD * EARTH_RADIUS_M,
  ];
}

export function distanceM(a: LngLat, b: LngLat): number {
  const [x, y] = project(b, { lng: a.lng, lat: a.lat });
  const mid = Math.cos(((a.lat + b.lat) / 2) * RAD) / Math.cos(a.lat * RAD);
  return Math.hypot(x * mid, y);
}

/** Distance in metres from p to the segment a–b. */
export function distanceToSegmentM(p: LngLat, a: LngLat, b: LngLat): number {
  const [ax, ay] = project(a, p);
  const [bx, by] = project(b, p);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + k * dx, ay + k * dy);
}

/** Metres from a point to an area: 0 inside it, else to its nearest edge. */
export function distanceToAreaM(p: LngLat, area: BoundaryGeometry): number {
  if (pointInGeometry(area, p.lng, p.lat)) return 0;
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let best = Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        best = Math.min(best, distanceToSegmentM(p, { lng: a[0]!, lat: a[1]! }, { lng: b[0]!, lat: b[1]! }));
      }
  return best;
}

/** Total length of a track in metres. */
export function trackLengthM(points: readonly LngLat[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += distanceM(points[i - 1]!, points[i]!);
  return sum;
}

/**
 * Douglas–Peucker: the indexes of the points kept so that every dropped point lies within
 * `toleranceM` of the segment between the kept points around it. The first and last are always kept,
 * and so is every point `keep` says must stay (a point flagged far from the grid).
 */
export function thinTrack<P extends LngLat>(
  points: readonly P[],
  toleranceM: number,
  keep: (p: P) => boolean = () => false,
): P[] {
  const n = points.length;
  if (n <= 2) return [...points];
  const kept = new Uint8Array(n);
  // Points that must stay split the track: each stretch between them is thinned on its own, so a
  // dropped point lies within the tolerance of the line actually kept.
  const anchors = [0];
  for (let i = 1; i < n - 1; i++) if (keep(points[i]!)) anchors.push(i);
  anchors.push(n - 1);
  for (const a of anchors) kept[a] = 1;
  const stack: [number, number][] = anchors.slice(1).map((to, k) => [anchors[k]!, to]);
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstAt = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegmentM(points[i]!, points[from]!, points[to]!);
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worstAt >= 0 && worst > toleranceM) {
      kept[worstAt] = 1;
      stack.push([from, worstAt], [worstAt, to]);
    }
  }
  return points.filter((_p, i) => kept[i] === 1);
}
