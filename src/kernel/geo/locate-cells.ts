import { polygonsOf, type BoundaryGeometry } from './geojson.js';
import { crossingsOdd, type PreparedPolygons } from './point-in-polygon.js';

/*
 * Boundary-cell records for the locate grid (the reasoning is in locate-grid.ts). Per boundary cell:
 *   cover, n, then n candidates in item order, each: item, (terms << 1 | c), terms…
 * A term t >= 0 is the crossing test on edge record t; t < 0 is [thresholds[~t] > y]. A candidate
 * holds when c xor its terms is 1; the first that holds is the answer, else `cover` (the first item
 * wholly covering the cell, or -1).
 *
 * In a tiling every edge inside the district belongs to two tiles, with bit-identical records, and
 * so does every junction. When all terms of a cell pair up like that and nothing covers the cell,
 * the xor of all candidates' answers is a constant K; once all candidates but the last have failed,
 * the last one's answer is K, so it is stored with no terms. Most boundary points then need one test.
 */

export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

export interface RawEdges {
  /** ax, ay, bx, by per edge, every edge of every ring in forEachEdge order (horizontal ones too). */
  seg: Float64Array;
  /** The ring neighbours: prev[k] ends where k starts, next[k] starts where k ends. */
  prev: Int32Array;
  next: Int32Array;
  /** Index of the edge's crossing record in PreparedPolygons.edges, or -1 for a horizontal edge. */
  record: Int32Array;
  owner: Int32Array;
  /** Item i owns edges start[i] .. start[i + 1] - 1. */
  start: Int32Array;
}

export function rawEdges(geometries: readonly BoundaryGeometry[]): RawEdges {
  let total = 0;
  for (const g of geometries) for (const polygon of polygonsOf(g)) for (const ring of polygon) total += ring.length;
  const seg = new Float64Array(total * 4);
  const prev = new Int32Array(total);
  const next = new Int32Array(total);
  const record = new Int32Array(total);
  const owner = new Int32Array(total);
  const start = new Int32Array(geometries.length + 1);
  let k = 0;
  let records = 0;
  geometries.forEach((g, item) => {
    start[item] = k;
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        const first = k;
        const last = k + ring.length - 1;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++, k++) {
          seg[k * 4] = ring[j][0];
          seg[k * 4 + 1] = ring[j][1];
          seg[k * 4 + 2] = ring[i][0];
          seg[k * 4 + 3] = ring[i][1];
          record[k] = ring[j][1] === ring[i][1] ? -1 : records++;
          owner[k] = item;
          prev[k] = k === first ? last : k - 1;
          next[k] = k === last ? first : k + 1;
        }
      }
    }
  });
  start[geometries.length] = k;
  return { seg, prev, next, record, owner, start };
}

class FloatList {
  data = new Float64Array(1 << 16);
  length = 0;
  push(v: number): number {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

/** The same records preparePolygons makes, from raw edges (one pass over typed arrays, not over GeoJSON). */
export function prepareFromRaw(raw: RawEdges): PreparedPolygons {
  const { seg, record, start } = raw;
  const count = start.length - 1;
  let total = 0;
  for (let k = 0; k < record.length; k++) if (record[k] >= 0) total++;
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
    for (let k = start[item]; k < start[item + 1]; k++) {
      const ax = seg[k * 4];
      const ay = seg[k * 4 + 1];
      const bx = seg[k * 4 + 2];
      const by = seg[k * 4 + 3];
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
    boxes[item * 4] = minX;
    boxes[item * 4 + 1] = minY;
    boxes[item * 4 + 2] = maxX;
    boxes[item * 4 + 3] = maxY;
    if (minX <= maxX) maxAbs = Math.max(maxAbs, -minX, maxX, -minY, maxY);
  }
  edgeStart[count] = e / 4;
  return { count, edgeStart, edges, boxes, maxAbs };
}

/** Identical edge records (the two sides of a shared edge) merged: unique table plus old → new map. */
function mergeRecords(edges: Float64Array): { unique: Float64Array; map: Int32Array } {
  const n = edges.length / 4;
  const words = new Uint32Array(edges.buffer, edges.byteOffset, edges.length * 2);
  let size = 16;
  while (size < n * 2) size *= 2;
  // table holds the original index of each distinct record; firstOf[u] likewise, by unique index.
  const table = new Int32Array(size).fill(-1);
  const firstOf = new Int32Array(n);
  const map = new Int32Array(n);
  let u = 0;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let w = i * 8; w < i * 8 + 8; w++) h = Math.imul(h ^ words[w], 16777619);
    for (let slot = (h >>> 0) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
      const j = table[slot];
      if (j < 0) {
        table[slot] = i;
        firstOf[u] = i;
        map[i] = u++;
        break;
      }
      const a = i * 4;
      const b = j * 4;
      if (
        edges[b] === edges[a] &&
        edges[b + 1] === edges[a + 1] &&
        edges[b + 2] === edges[a + 2] &&
        edges[b + 3] === edges[a + 3]
      ) {
        map[i] = map[j];
        break;
      }
    }
  }
  const unique = new Float64Array(u * 4);
  for (let k = 0; k < u; k++) unique.set(edges.subarray(firstOf[k] * 4, firstOf[k] * 4 + 4), k * 4);
  return { unique, map };
}

export interface CellInput {
  cols: number;
  rows: number;
  gx0: number;
  gy0: number;
  cw: number;
  ch: number;
  margin: number;
  /** In: first item wholly covering each cell, or -1. Out: the grid's cell values. */
  cellValue: Int32Array;
  /** Raw edges touching cell c are byCell[cellStart[c] .. cellStart[c + 1] - 1], in item order. */
  cellStart: Int32Array;
  byCell: Int32Array;
  raw: RawEdges;
  prepared: PreparedPolygons;
}

export interface CellRecords {
  lists: Int32Array;
  thresholds: Float64Array;
  edges: Float64Array;
  boundaryCells: number;
  candidates: number;
}

export function buildCellRecords(input: CellInput): CellRecords {
  const { cols, rows, gx0, gy0, cw, ch, margin, cellValue, cellStart, byCell, raw, prepared } = input;
  const { seg } = raw;
  const { edges: itemEdges, edgeStart } = prepared;
  const { unique: edges, map: recordMap } = mergeRecords(itemEdges);
  const thresholds = new FloatList();
  const holds = (t: number, x: number, y: number): boolean => {
    if (t < 0) return thresholds.data[~t] > y;
    const e = t * 4;
    return y >= edges[e + 1] && y < edges[e + 2] && x < edges[e] + (y - edges[e + 1]) * edges[e + 3];
  };

  const lists = new IntList(byCell.length * 3);
  // Per candidate: its edge terms and junction heights; per cell: all of them, to see if they pair up.
  const edgeTerms: number[] = [];
  const junctionYs: number[] = [];
  const cellEdgeTerms: number[] = [];
  const cellJunctionYs: number[] = [];
  let boundaryCells = 0;
  let candidates = 0;
  for (let cell = 0, r = 0, c = 0; cell < cols * rows; cell++, c = c + 1 === cols ? 0 : c + 1, r += c === 0 ? 1 : 0) {
    const s = cellStart[cell];
    const e = cellStart[cell + 1];
    if (s === e) continue;
    let cover = cellValue[cell];
    const cx = gx0 + (c + 0.5) * cw;
    const cy = gy0 + (r + 0.5) * ch;
    const bandLow = gy0 + r * ch - margin;
    const bandHigh = gy0 + (r + 1) * ch + margin;
    const head = lists.length;
    lists.push(cover);
    lists.push(0);
    let count = 0;
    let lastAt = -1;
    let thresholdsAtLast = 0;
    let parities = 0;
    cellEdgeTerms.length = 0;
    cellJunctionYs.length = 0;
    for (let g = s; g < e;) {
      const item = raw.owner[byCell[g]];
      let groupEnd = g;
      while (groupEnd < e && raw.owner[byCell[groupEnd]] === item) groupEnd++;
      if (cover >= 0 && item > cover) break;
      edgeTerms.length = 0;
      junctionYs.length = 0;
      for (let h = g; h < groupEnd; h++) {
        const k = byCell[h];
        if (raw.record[k] >= 0) edgeTerms.push(recordMap[raw.record[k]]);
        // An end whose ring neighbour does not touch the cell is a junction; it needs a term when it
        // lies east of the centre within the cell's rows (widened); elsewhere its term is constant.
        for (let end = 0; end < 2; end++) {
          const neighbour = end === 0 ? raw.prev[k] : raw.next[k];
          let touching = false;
          for (let o = g; o < groupEnd && !touching; o++) touching = byCell[o] === neighbour;
          const x = seg[k * 4 + 2 * end];
          const y = seg[k * 4 + 2 * end + 1];
          if (!touching && x > cx && y >= bandLow && y <= bandHigh) junctionYs.push(y);
        }
      }
      g = groupEnd;
      let parity = crossingsOdd(itemEdges, edgeStart[item], edgeStart[item + 1], cx, cy);
      for (const t of edgeTerms) if (holds(t, cx, cy)) parity = !parity;
      for (const y of junctionYs) if (y > cy) parity = !parity;
      const terms = edgeTerms.length + junctionYs.length;
      if (terms === 0) {
        // Constant over the cell: it either covers the cell or never holds there.
        if (parity) {
          cover = item;
          break;
        }
        continue;
      }
      lastAt = lists.length;
      thresholdsAtLast = thresholds.length;
      lists.push(item);
      lists.push((terms << 1) | (parity ? 1 : 0));
      for (const t of edgeTerms) {
        lists.push(t);
        cellEdgeTerms.push(t);
      }
      for (const y of junctionYs) {
        lists.push(~thresholds.push(y));
        cellJunctionYs.push(y);
      }
      if (parity) parities ^= 1;
      count++;
    }
    if (count > 0 && cover < 0 && allPaired(cellEdgeTerms) && allPaired(cellJunctionYs)) {
      lists.length = lastAt;
      thresholds.length = thresholdsAtLast;
      if (parities) {
        lists.push(lists.data[lastAt]);
        lists.push(1);
      } else {
        count--;
      }
    }
    if (count === 0) {
      lists.length = head;
      cellValue[cell] = cover;
      continue;
    }
    lists.data[head] = cover;
    lists.data[head + 1] = count;
    cellValue[cell] = -(head + 2);
    boundaryCells++;
    candidates += count;
  }
  return {
    lists: lists.data.slice(0, lists.length),
    thresholds: thresholds.data.slice(0, thresholds.length),
    edges,
    boundaryCells,
    candidates,
  };
}

/** Every value occurs an even number of times. */
function allPaired(values: number[]): boolean {
  if (values.length % 2 === 1) return false;
  if (values.length === 0) return true;
  values.sort((a, b) => a - b);
  for (let i = 0; i < values.length; i += 2) if (values[i] !== values[i + 1]) return false;
  return true;
}
