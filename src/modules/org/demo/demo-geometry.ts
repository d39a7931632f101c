import polygonClipping, { type MultiPolygon as PcMultiPolygon, type Polygon as PcPolygon } from 'polygon-clipping';

// Plane geometry for the synthetic demo boundaries: splitting a territory into pieces of nearly equal
// area that tile it exactly, and numbering pieces in reading order. Pure and deterministic.
// The GeoJSON types are declared here (the same shape as kernel/geo's BoundaryGeometry) so the
// generator depends on nothing but polygon-clipping.

/** [lng, lat] in degrees. */
export type Position = number[];
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type Geometry = Polygon | MultiPolygon;
/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

type Axis = 0 | 1;

export function polygonsOf(g: Geometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Twice the signed shoelace area; works for open and closed rings alike. */
function ringArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/** Planar area in square degrees (shells minus holes): enough to balance and compare pieces. */
export function planarArea(g: Geometry): number {
  let a = 0;
  for (const polygon of polygonsOf(g)) {
    polygon.forEach((ring, i) => {
      const ra = Math.abs(ringArea2(ring)) / 2;
      a += i === 0 ? ra : -ra;
    });
  }
  return a;
}

export function bboxOf(g: Geometry): BBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const polygon of polygonsOf(g)) {
    for (const [x, y] of polygon[0]) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}

/** Area-weighted centroid; holes count negatively. */
export function centroidOf(g: Geometry): [number, number] {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (const polygon of polygonsOf(g)) {
    polygon.forEach((ring, i) => {
      let rx = 0;
      let ry = 0;
      let ra = 0;
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
        const f = ring[j][0] * ring[k][1] - ring[k][0] * ring[j][1];
        rx += (ring[j][0] + ring[k][0]) * f;
        ry += (ring[j][1] + ring[k][1]) * f;
        ra += f;
      }
      // Normalise the ring's orientation, then give holes the opposite sign.
      const sign = (ra < 0 ? -1 : 1) * (i === 0 ? 1 : -1);
      cx += sign * rx;
      cy += sign * ry;
      a += sign * ra;
    });
  }
  if (a === 0) {
    const [x0, y0, x1, y1] = bboxOf(g);
    return [(x0 + x1) / 2, (y0 + y1) / 2];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function fromClipped(mp: PcMultiPolygon): Geometry | null {
  const polygons = mp.filter((p) => p.length > 0 && ringArea2(p[0]) !== 0) as Position[][][];
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function toClip(g: Geometry): PcPolygon | PcMultiPolygon {
  return g.coordinates as PcPolygon | PcMultiPolygon;
}

/**
 * The same region as a clean polygon: repeated vertices, zero-width spikes and self-touching rings
 * (all present in the coarse source outline) removed, shells counter-clockwise as RFC 7946 asks.
 */
export function normaliseGeometry(g: Geometry): Geometry {
  const clean = fromClipped(polygonClipping.union(toClip(g)));
  if (!clean) throw new Error('the outline encloses no area');
  return clean;
}

/** Area of the part of `g` with coord[axis] <= c: Sutherland–Hodgman per ring, exact for a half-plane. */
function areaBelow(g: Geometry, axis: Axis, c: number): number {
  let total = 0;
  for (const polygon of polygonsOf(g)) {
    polygon.forEach((ring, i) => {
      const clipped: Position[] = [];
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k];
        const q = ring[(k + 1) % ring.length];
        const pIn = p[axis] <= c;
        if (pIn) clipped.push(p);
        if (pIn !== q[axis] <= c) {
          const t = (c - p[axis]) / (q[axis] - p[axis]);
          clipped.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
        }
      }
      const a = clipped.length >= 3 ? Math.abs(ringArea2(clipped)) / 2 : 0;
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** The coordinate c along `axis` where the part below holds `target` of the area (bisection). */
function cutAt(g: Geometry, axis: Axis, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (areaBelow(g, axis, mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Splits `g` into `n` pieces of nearly equal area that tile it exactly, in a deterministic order
 * (west before east, south before north at each cut). Recursive bisection: cut across the longer
 * side of the bounding box where k = ⌊n/2⌋ shares of the area lie on the low side, then clip with
 * two half-plane rectangles that share the cut coordinate exactly. A piece may be a MultiPolygon
 * where the outline crosses the cut line more than twice.
 */
export function splitByArea(g: Geometry, n: number): Geometry[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`cannot split into ${n} pieces`);
  if (n === 1) return [g];
  const [x0, y0, x1, y1] = bboxOf(g);
  // A degree of longitude is cos(latitude) of a degree of latitude.
  const widthScale = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const axis: Axis = (x1 - x0) * widthScale >= y1 - y0 ? 0 : 1;
  const k = Math.floor(n / 2);
  const cut = cutAt(g, axis, (planarArea(g) * k) / n, axis === 0 ? x0 : y0, axis === 0 ? x1 : y1);
  const pad = 1;
  const X0 = x0 - pad;
  const X1 = x1 + pad;
  const Y0 = y0 - pad;
  const Y1 = y1 + pad;
  const rect = (a: number, b: number, c: number, d: number): PcPolygon => [
    [
      [a, b],
      [c, b],
      [c, d],
      [a, d],
      [a, b],
    ],
  ];
  const low = axis === 0 ? rect(X0, Y0, cut, Y1) : rect(X0, Y0, X1, cut);
  const high = axis === 0 ? rect(cut, Y0, X1, Y1) : rect(X0, cut, X1, Y1);
  const first = fromClipped(polygonClipping.intersection(toClip(g), low));
  const second = fromClipped(polygonClipping.intersection(toClip(g), high));
  if (!first || !second) throw new Error('area split produced an empty piece');
  return [...splitByArea(first, k), ...splitByArea(second, n - k)];
}

/**
 * Orders pieces west to east, then north to south (GB/T 30428.1 numbering), like reading a page:
 * the pieces' centroids are put into horizontal bands of equal height over their common extent,
 * bands numbered from the north (as many bands as a square lattice of n cells would have), and
 * pieces within a band ordered by longitude.
 */
export function readingOrder<T>(items: readonly T[], geometryOf: (item: T) => Geometry): T[] {
  if (items.length <= 1) return [...items];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const it of items) {
    const b = bboxOf(geometryOf(it));
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  const width = (x1 - x0) * Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const height = y1 - y0;
  const rows = Math.max(
    1,
    Math.min(items.length, Math.round(Math.sqrt((items.length * height) / (width || height || 1)))),
  );
  const band = height / rows || 1;
  return items
    .map((item, index) => {
      const [cx, cy] = centroidOf(geometryOf(item));
      return { item, index, cx, row: Math.min(rows - 1, Math.max(0, Math.floor((y1 - cy) / band))) };
    })
    .sort((a, b) => a.row - b.row || a.cx - b.cx || a.index - b.index)
    .map((e) => e.item);
}
