import { findRingConflict, ringContainsPoint } from './segment-sweep.js';

/** [lng, lat] or [lng, lat, altitude], degrees. */
export type Position = number[];

export interface Polygon {
  type: 'Polygon';
  /** Ring 0 is the shell, the rest are holes; every ring is closed (first position === last). */
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

/** What a territorial unit's boundary may be. */
export type BoundaryGeometry = Polygon | MultiPolygon;

/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

export type BoundaryValidation = { ok: true; geometry: BoundaryGeometry } | { ok: false; reason: string };

/** The polygons of a geometry as lists of rings, whatever its type. */
export function polygonsOf(geom: BoundaryGeometry): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

export function bbox(geom: BoundaryGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geom)) {
    for (const ring of polygon) {
      for (const p of ring) {
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Mean earth radius (IUGG), as @turf/area uses. */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Unsigned area of one ring on the sphere, in m² (Chamberlain & Duquette 2007). */
function ringAreaM2(ring: Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  let total = 0;
  // Rings are closed, so positions 0..n-2 are the distinct corners.
  const m = n - 1;
  for (let i = 0; i < m; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % m];
    const upper = ring[(i + 2) % m];
    total += (upper[0] - lower[0]) * RAD * Math.sin(middle[1] * RAD);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area in square metres: shells minus holes, on a spherical earth (within ~0.5% of the ellipsoid). */
export function areaSquareMeters(geom: BoundaryGeometry): number {
  let area = 0;
  for (const polygon of polygonsOf(geom)) {
    polygon.forEach((ring, r) => {
      area += r === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  }
  return area;
}

const fmt = (v: number): string => String(Number(v.toFixed(7)));
export const formatPoint = (x: number, y: number): string => `(${fmt(x)}, ${fmt(y)})`;

type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Checks shape, numbers and ranges; returns 2D rings with repeated consecutive positions removed. */
function readPolygon(raw: unknown, p: number): Step<Position[][]> {
  const where = (r: number) => `ring ${r} of polygon ${p}`;
  if (!Array.isArray(raw) || raw.length === 0) {
    return { ok: false, reason: `polygon ${p} must be a non-empty array of rings` };
  }
  const rings: Position[][] = [];
  for (let r = 0; r < raw.length; r++) {
    const ring: unknown = raw[r];
    if (!Array.isArray(ring)) return { ok: false, reason: `${where(r)} must be an array of positions` };
    const out: Position[] = [];
    for (let i = 0; i < ring.length; i++) {
      const pos: unknown = ring[i];
      if (
        !Array.isArray(pos) ||
        pos.length < 2 ||
        pos.length > 3 ||
        !pos.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        return { ok: false, reason: `position ${i} of ${where(r)} is not [lng, lat] with finite numbers` };
      }
      const [x, y] = pos as number[];
      if (x < -180 || x > 180 || y < -90 || y > 90) {
        return { ok: false, reason: `position ${i} of ${where(r)}: coordinate out of range ${formatPoint(x, y)}` };
      }
      const last = out[out.length - 1];
      if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
    }
    if (ring.length < 4) return { ok: false, reason: `${where(r)} has fewer than 4 positions` };
    const first = out[0];
    const last = out[out.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) return { ok: false, reason: `${where(r)} is not closed` };
    if (out.length < 4) {
      return { ok: false, reason: `${where(r)} has fewer than 4 positions once repeated positions are removed` };
    }
    rings.push(out);
  }
  return { ok: true, value: rings };
}

/** A point of `ring` that is not on `other`'s boundary: 1 inside other, -1 outside, 0 if none exists. */
function sideOf(ring: Position[], other: Position[]): -1 | 0 | 1 {
  for (let i = 0; i < ring.length - 1; i++) {
    const s = ringContainsPoint(other, ring[i][0], ring[i][1]);
    if (s !== 0) return s;
  }
  for (let i = 0; i < ring.length - 1; i++) {
    const s = ringContainsPoint(other, (ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2);
    if (s !== 0) return s;
  }
  return 0;
}

const boxOfRing = (ring: Position[]): BBox => bbox({ type: 'Polygon', coordinates: [ring] });
const boxInside = (a: BBox, b: BBox): boolean => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

/** Holes inside their shell and not inside each other; parts of a MultiPolygon not inside each other. */
function nestingProblem(polygons: Position[][][]): string | null {
  const shellBoxes = polygons.map((rings) => boxOfRing(rings[0]));
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const boxes = rings.map(boxOfRing);
    for (let h = 1; h < rings.length; h++) {
      const side = boxInside(boxes[h], boxes[0]) ? sideOf(rings[h], rings[0]) : -1;
      if (side === 0) return `hole ${h} of polygon ${p} coincides with its shell`;
      if (side < 0) return `hole ${h} of polygon ${p} is outside its shell`;
      for (let o = 1; o < rings.length; o++) {
        if (o !== h && boxInside(boxes[h], boxes[o]) && sideOf(rings[h], rings[o]) >= 0) {
          return `hole ${h} of polygon ${p} is inside hole ${o}`;
        }
      }
    }
  }
  for (let p = 0; p < polygons.length; p++) {
    for (let q = 0; q < polygons.length; q++) {
      if (p === q || !boxInside(shellBoxes[p], shellBoxes[q])) continue;
      const other = polygons[q];
      const side = sideOf(polygons[p][0], other[0]);
      if (side < 0) continue;
      // Inside q's shell is fine when it is an island within one of q's holes.
      const inHole = other
        .slice(1)
        .some((hole) => boxInside(shellBoxes[p], boxOfRing(hole)) && sideOf(polygons[p][0], hole) >= 0);
      if (!inHole) return `polygon ${p} overlaps polygon ${q}`;
    }
  }
  return null;
}

/**
 * Validates a boundary from outside (an import, a form). Accepts Polygon and MultiPolygon with holes;
 * rings may wind either way. Rejects open or short rings, out-of-range coordinates, rings that cross
 * themselves or each other, holes outside their shell and overlapping parts; rings may touch at single
 * points. On success returns a cleaned copy: 2D positions, repeated consecutive positions removed.
 */
export function validateBoundaryGeometry(geom: unknown): BoundaryValidation {
  if (typeof geom !== 'object' || geom === null || Array.isArray(geom)) {
    return { ok: false, reason: 'geometry must be a GeoJSON object' };
  }
  const { type, coordinates } = geom as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { ok: false, reason: `unsupported geometry type ${typeof type === 'string' ? type : String(type)}` };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { ok: false, reason: `${type} coordinates must be a non-empty array` };
  }
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: Position[][][] = [];
  for (let p = 0; p < rawPolygons.length; p++) {
    const step = readPolygon(rawPolygons[p], p);
    if (!step.ok) return step;
    polygons.push(step.value);
  }

  const rings = polygons.flat();
  const ringName = (i: number) => {
    let p = 0;
    while (i >= polygons[p].length) i -= polygons[p++].length;
    return `ring ${i} of polygon ${p}`;
  };
  const conflict = findRingConflict(rings);
  if (conflict) {
    const at = formatPoint(conflict.x, conflict.y);
    return conflict.ringA === conflict.ringB
      ? { ok: false, reason: `${ringName(conflict.ringA)} self-intersects at ${at}` }
      : { ok: false, reason: `${ringName(conflict.ringA)} crosses ${ringName(conflict.ringB)} at ${at}` };
  }
  const nesting = nestingProblem(polygons);
  if (nesting) return { ok: false, reason: nesting };

  return {
    ok: true,
    geometry: type === 'Polygon' ? { type, coordinates: polygons[0] } : { type, coordinates: polygons },
  };
}
