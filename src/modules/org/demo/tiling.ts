import polygonClipping, { type MultiPolygon as PcMulti, type Polygon as PcPoly } from 'polygon-clipping';
import type { BoundaryGeometry, Position } from '../../../kernel/geo/geojson.js';

// Pure geometry for the demo district: split a territory into n pieces of nearly equal area that
// tile it exactly (no gaps, no overlaps). Recursive bisection: cut across the longer side of the
// bounding box at the line that leaves k/n of the area on one side, then clip both halves.

type Ring = Position[];

function ringsOf(g: BoundaryGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return Math.abs(a) / 2;
}

/** Planar area in squared degrees: enough to balance pieces, not a survey figure. */
export function planarArea(g: BoundaryGeometry): number {
  let a = 0;
  for (const poly of ringsOf(g)) poly.forEach((ring, i) => { a += i === 0 ? ringArea(ring) : -ringArea(ring); });
  return a;
}

export function bboxOf(g: BoundaryGeometry): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of ringsOf(g)) for (const [x, y] of poly[0]) {
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/** Sutherland–Hodgman against the half-plane coord[axis] <= c: the area is exact even for concave rings. */
function clipRingBelow(ring: Ring, axis: 0 | 1, c: number): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    const pin = p[axis] <= c;
    const qin = q[axis] <= c;
    if (pin) out.push(p);
    if (pin !== qin) {
      const t = (c - p[axis]) / (q[axis] - p[axis]);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

function areaBelow(g: BoundaryGeometry, axis: 0 | 1, c: number): number {
  let a = 0;
  for (const poly of ringsOf(g)) poly.forEach((ring, i) => {
    const clipped = clipRingBelow(ring, axis, c);
    const ar = clipped.length >= 3 ? ringArea(clipped) : 0;
    a += i === 0 ? ar : -ar;
  });
  return a;
}

function toGeometry(mp: PcMulti): BoundaryGeometry | null {
  const polys = mp.filter((p) => p.length > 0 && ringArea(p[0] as Ring) > 0);
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Ring[] } : { type: 'MultiPolygon', coordinates: polys as Ring[][] };
}

function asPc(g: BoundaryGeometry): PcPoly | PcMulti {
  return g.coordinates as PcPoly | PcMulti;
}

/** Splits `g` into `n` pieces of nearly equal area that tile it; deterministic. */
export function splitEqualArea(g: BoundaryGeometry, n: number): BoundaryGeometry[] {
  if (n <= 1) return [g];
  const [x0, y0, x1, y1] = bboxOf(g);
  // Degrees of longitude are shorter than degrees of latitude here (cos 33.6° ≈ 0.83).
  const axis: 0 | 1 = (x1 - x0) * 0.83 >= y1 - y0 ? 0 : 1;
  const lo0 = axis === 0 ? x0 : y0;
  const hi0 = axis === 0 ? x1 : y1;
  const k = Math.floor(n / 2);
  const target = (planarArea(g) * k) / n;
  let lo = lo0;
  let hi = hi0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (areaBelow(g, axis, mid) < target) lo = mid;
    else hi = mid;
  }
  const cut = (lo + hi) / 2;
  const pad = 1;
  const below: PcPoly = axis === 0
    ? [[[x0 - pad, y0 - pad], [cut, y0 - pad], [cut, y1 + pad], [x0 - pad, y1 + pad], [x0 - pad, y0 - pad]]]
    : [[[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, cut], [x0 - pad, cut], [x0 - pad, y0 - pad]]];
  const first = toGeometry(polygonClipping.intersection(asPc(g), below));
  const second = toGeometry(polygonClipping.difference(asPc(g), below));
  if (!first || !second) throw new Error('demo tiling produced an empty piece');
  return [...splitEqualArea(first, k), ...splitEqualArea(second, n - k)];
}

export function centroidOf(g: BoundaryGeometry): [number, number] {
  let cx = 0, cy = 0, a = 0;
  for (const poly of ringsOf(g)) {
    const r = poly[0];
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const f = r[j][0] * r[i][1] - r[i][0] * r[j][1];
      cx += (r[j][0] + r[i][0]) * f;
      cy += (r[j][1] + r[i][1]) * f;
      a += f;
    }
  }
  return a === 0 ? [bboxOf(g)[0], bboxOf(g)[1]] : [cx / (3 * a), cy / (3 * a)];
}

/**
 * Orders pieces west to east, then north to south (GB/T 30428.1 numbering): rows are bands of the
 * parent's height, numbered from the north; within a row, by longitude.
 */
export function orderWestEastNorthSouth<T extends { geometry: BoundaryGeometry }>(items: T[]): T[] {
  if (items.length <= 1) return items;
  const cs = items.map((it) => centroidOf(it.geometry));
  const ys = cs.map((c) => c[1]);
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const rows = Math.max(1, Math.round(Math.sqrt(items.length)));
  const band = (top - bottom) / rows || 1;
  return items
    .map((it, i) => ({ it, row: Math.min(rows - 1, Math.floor((top - cs[i][1]) / band)), x: cs[i][0] }))
    .sort((a, b) => a.row - b.row || a.x - b.x)
    .map((e) => e.it);
}
