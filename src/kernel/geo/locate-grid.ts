import type { BoundaryGeometry } from './geojson.js';
import { buildCellRecords, IntList, prepareFromRaw, rawEdges, type CellRecords } from './locate-cells.js';
import { crossingsOdd, roundingMargin } from './point-in-polygon.js';

/*
 * The tables behind buildLocateIndex: a uniform grid over the items' extent.
 *
 * Crossing test recap (point-in-polygon.ts): item p contains q = (x, y) when an odd number of its
 * edges e satisfy cross(e, q) = [yLow <= y < yHigh and x < xLow + (y - yLow)·slope].
 *
 * Take a cell C and the edges of p that come within the rounding margin of it ("touching", found by
 * rasterising every edge widened by the margin). Every other edge is far enough that rounding cannot
 * make its test depend on where in C the point is, and over C's rows it is either
 *   - above or below: never crosses;   - on the left: never crosses;
 *   - on the right: crosses exactly when it spans y, i.e. cross = [ya > y] xor [yb > y].
 * Summing the right-hand ones, every vertex shared by two of them cancels, and what remains is
 * [yV > y] for the vertices V where such an edge meets a touching edge (a "junction"). So
 *
 *   inside_p(q) = c xor (xor over touching e of cross(e, q)) xor (xor over junctions V of [yV > y])
 *
 * with c constant over the cell, found once by the full test at the cell centre. A junction is
 * recognised as an end of a touching edge whose ring neighbour does not touch, lying east of the
 * cell centre: if it lies west, the neighbour is a left-hand edge, and if it lies outside the cell's
 * rows its term is constant, which c absorbs either way.
 *
 * A cell no edge of p touches is wholly in or out of p. The first item wholly containing a cell is
 * found per item, along each row of its box, with one test per run of untouched cells; a cell no
 * edge at all touches stores that item (or -1) and needs no test.
 */

export interface GridOptions {
  cellsPerItem?: number;
  maxCells?: number;
}

export interface Grid extends CellRecords {
  gx0: number;
  gy0: number;
  invCw: number;
  invCh: number;
  cols: number;
  rows: number;
  /** Item index, -1 for no item, or -(offset + 2) of a boundary cell's record in `lists` (see locate-cells.ts). */
  cellValue: Int32Array;
}

export function buildGrid(geometries: readonly BoundaryGeometry[], options: GridOptions = {}): Grid | null {
  const n = geometries.length;
  const raw = rawEdges(geometries);
  const { seg } = raw;
  const prepared = prepareFromRaw(raw);
  const { boxes, edges, edgeStart } = prepared;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let o = 0; o < n * 4; o += 4) {
    if (!(boxes[o] <= boxes[o + 2])) continue;
    minX = Math.min(minX, boxes[o]);
    minY = Math.min(minY, boxes[o + 1]);
    maxX = Math.max(maxX, boxes[o + 2]);
    maxY = Math.max(maxY, boxes[o + 3]);
  }
  if (!(minX <= maxX)) return null;

  const margin = roundingMargin(prepared.maxAbs);
  const gx0 = minX - margin;
  const gy0 = minY - margin;
  const width = maxX - minX + 2 * margin;
  const height = maxY - minY + 2 * margin;
  const maxCells = Math.max(1, Math.floor(options.maxCells ?? 2 ** 24));
  const target = Math.min(maxCells, Math.max(1, Math.round(n * (options.cellsPerItem ?? 16))));
  const size = Math.sqrt((width * height) / target);
  const cols = Math.min(target, Math.max(1, Math.round(width / size)));
  const rows = Math.max(1, Math.min(Math.round(height / size), Math.floor(maxCells / cols)));
  const cellCount = cols * rows;
  const cw = width / cols;
  const ch = height / rows;
  const invCw = cols / width;
  const invCh = rows / height;
  const colOf = (x: number): number => Math.min(cols - 1, Math.max(0, Math.floor((x - gx0) * invCw)));
  const rowOf = (y: number): number => Math.min(rows - 1, Math.max(0, Math.floor((y - gy0) * invCh)));

  // stamp[cell] = the last item one of whose edges touched the cell.
  const stamp = new Int32Array(cellCount).fill(-1);
  // full[cell] = the first item wholly containing the cell with none of its edges near it.
  const full = new Int32Array(cellCount).fill(-1);
  const touchCell = new IntList(raw.owner.length * 3);
  const touchEdge = new IntList(raw.owner.length * 3);

  for (let item = 0; item < n; item++) {
    const o = item * 4;
    if (!(boxes[o] <= boxes[o + 2])) continue;
    for (let k = raw.start[item]; k < raw.start[item + 1]; k++) {
      const ax = seg[k * 4];
      const ay = seg[k * 4 + 1];
      const bx = seg[k * 4 + 2];
      const by = seg[k * 4 + 3];
      if (ax === bx && ay === by) continue;
      const sx0 = Math.min(ax, bx);
      const sx1 = Math.max(ax, bx);
      const sy0 = Math.min(ay, by);
      const sy1 = Math.max(ay, by);
      const slope = ay === by ? 0 : (bx - ax) / (by - ay);
      for (let r = rowOf(sy0 - margin), r1 = rowOf(sy1 + margin); r <= r1; r++) {
        const ylo = Math.max(sy0, gy0 + r * ch - margin);
        const yhi = Math.min(sy1, gy0 + (r + 1) * ch + margin);
        let xlo = sx0;
        let xhi = sx1;
        if (ay !== by && ylo <= yhi) {
          const xa = ax + (ylo - ay) * slope;
          const xb = ax + (yhi - ay) * slope;
          xlo = Math.max(sx0, Math.min(xa, xb));
          xhi = Math.min(sx1, Math.max(xa, xb));
        }
        const c1 = colOf(xhi + margin);
        for (let c = colOf(xlo - margin), cell = r * cols + c; c <= c1; c++, cell++) {
          stamp[cell] = item;
          touchCell.push(cell);
          touchEdge.push(k);
        }
      }
    }
    // Along each row of the item's box, runs of cells its edges do not touch are wholly in or out.
    const c0 = colOf(boxes[o]);
    const c1 = colOf(boxes[o + 2]);
    for (let r = rowOf(boxes[o + 1]), r1 = rowOf(boxes[o + 3]); r <= r1; r++) {
      const base = r * cols;
      const cy = gy0 + (r + 0.5) * ch;
      for (let c = c0; c <= c1;) {
        if (stamp[base + c] === item) {
          c++;
          continue;
        }
        const runStart = c;
        while (c <= c1 && stamp[base + c] !== item) c++;
        if (!crossingsOdd(edges, edgeStart[item], edgeStart[item + 1], gx0 + (runStart + 0.5) * cw, cy)) continue;
        for (let cell = base + runStart; cell < base + c; cell++) if (full[cell] < 0) full[cell] = item;
      }
    }
  }

  // Touches grouped by cell, keeping item order (and edge order within an item).
  const cellStart = new Int32Array(cellCount + 1);
  for (let t = 0; t < touchCell.length; t++) cellStart[touchCell.data[t] + 1]++;
  for (let cell = 0; cell < cellCount; cell++) cellStart[cell + 1] += cellStart[cell];
  const cursor = stamp;
  cursor.set(cellStart.subarray(0, cellCount));
  const byCell = new Int32Array(touchCell.length);
  for (let t = 0; t < touchCell.length; t++) byCell[cursor[touchCell.data[t]]++] = touchEdge.data[t];

  const records = buildCellRecords({
    cols,
    rows,
    gx0,
    gy0,
    cw,
    ch,
    margin,
    cellValue: full,
    cellStart,
    byCell,
    raw,
    prepared,
  });
  return { gx0, gy0, invCw, invCh, cols, rows, cellValue: full, ...records };
}
