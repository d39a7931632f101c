import { polygonsOf, type BoundaryGeometry } from './geojson.js';

/*
 * The one point-in-polygon rule every locator here uses, so that they all give the same answer for
 * every point, boundary points included.
 *
 * Crossing number with y-half-open edges, even-odd over all rings of an item (holes, and the parts of
 * a MultiPolygon, need no special case). An edge counts when lowY <= y < highY and
 * x < xLow + (y - yLow) * ((xHigh - xLow) / (yHigh - yLow)), always computed from the lower end, so
 * two neighbours sharing an edge compute bit-for-bit the same crossing whichever way their rings run.
 * The effect: a point on a boundary belongs to the polygon an infinitesimal step east of it (then, for
 * a horizontal edge or a vertex, a far smaller step north), so a point on a shared edge or vertex of a
 * tiling belongs to exactly one tile. When items overlap, the lowest item index wins.
 */

/** Item geometries flattened into typed arrays for the crossing test. */
export interface PreparedPolygons {
  readonly count: number;
  /** Item i owns edge records edgeStart[i] .. edgeStart[i + 1] - 1. */
  readonly edgeStart: Int32Array;
  /** Four numbers per non-horizontal edge: xLow, yLow, yHigh, (xHigh - xLow) / (yHigh - yLow). */
  readonly edges: Float64Array;
  /** minX, minY, maxX, maxY per item; an item without positions gets an inverted box (+∞, +∞, -∞, -∞). */
  readonly boxes: Float64Array;
  /** Largest absolute coordinate over all items (sizes the rounding margin). */
  readonly maxAbs: number;
}

/**
 * Distance beyond which rounding in the crossing test cannot change a result: the computed crossing
 * x is within a few ulps (≈1e-14° here) of the true one; we keep a million times that.
 */
export function roundingMargin(maxAbs: number): number {
  return 1e-9 * Math.max(1, maxAbs);
}

/** Calls fn for every edge of every ring; the closing edge of an unclosed ring is included. */
export function forEachEdge(
  geom: BoundaryGeometry,
  fn: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  for (const polygon of polygonsOf(geom)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        fn(ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
      }
    }
  }
}

export function preparePolygons(geometries: readonly BoundaryGeometry[]): PreparedPolygons {
  const count = geometries.length;
  let total = 0;
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) if (ring[j][1] !== ring[i][1]) total++;
      }
    }
  }
  const edgeStart = new Int32Array(count + 1);
  const edges = new Float64Array(total * 4);
  const boxes = new Float64Array(count * 4);
  let maxAbs = 0;
  let e = 0;
  for (let item = 0; item < count; item++) {
    edgeStart[item] = e / 4;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const polygon of polygonsOf(geometries[item])) {
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const ax = ring[j][0];
          const ay = ring[j][1];
          const bx = ring[i][0];
          const by = ring[i][1];
          if (ax < minX) minX = ax;
          if (ax > maxX) maxX = ax;
          if (ay < minY) minY = ay;
          if (ay > maxY) maxY = ay;
          if (ay === by) continue;
          const low = ay < by;
          const xl = low ? ax : bx;
          const yl = low ? ay : by;
          edges[e++] = xl;
          edges[e++] = yl;
          edges[e++] = low ? by : ay;
          edges[e++] = ((low ? bx : ax) - xl) / ((low ? by : ay) - yl);
        }
      }
    }
    boxes[item * 4] = minX;
    boxes[item * 4 + 1] = minY;
    boxes[item * 4 + 2] = maxX;
    boxes[item * 4 + 3] = maxY;
    if (minX <= maxX) maxAbs = Math.max(maxAbs, -minX, maxX, -minY, maxY);
  }
  edgeStart[count] = e / 4;
  return { count, edgeStart, edges, boxes, maxAbs };
}

/** The crossing test over edge records from..to-1 of `edges`. */
export function crossingsOdd(edges: Float64Array, from: number, to: number, x: number, y: number): boolean {
  let inside = false;
  for (let k = from * 4, end = to * 4; k < end; k += 4) {
    const yl = edges[k + 1];
    if (y < yl || y >= edges[k + 2]) continue;
    if (x < edges[k] + (y - yl) * edges[k + 3]) inside = !inside;
  }
  return inside;
}

export function pointInPrepared(p: PreparedPolygons, item: number, x: number, y: number): boolean {
  return crossingsOdd(p.edges, p.edgeStart[item], p.edgeStart[item + 1], x, y);
}

/** The same rule straight on GeoJSON coordinates, for one-off tests and the naive scan. */
export function pointInGeometry(geom: BoundaryGeometry, x: number, y: number): boolean {
  let inside = false;
  for (const polygon of polygonsOf(geom)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ay = ring[j][1];
        const by = ring[i][1];
        if (ay === by) continue;
        const low = ay < by ? ring[j] : ring[i];
        const high = ay < by ? ring[i] : ring[j];
        if (y < low[1] || y >= high[1]) continue;
        if (x < low[0] + (y - low[1]) * ((high[0] - low[0]) / (high[1] - low[1]))) inside = !inside;
      }
    }
  }
  return inside;
}
