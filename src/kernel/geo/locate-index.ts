import { buildGrid } from './locate-grid.js';
import type { LocateItem, Locator } from './locate-baseline.js';

export { buildBaselineIndex, naiveLocate, type LocateItem, type Locator } from './locate-baseline.js';

export interface LocateIndexOptions {
  /** Grid cells per item on average (default 16). More cells let more points skip the exact test, at 4 bytes a cell. */
  cellsPerItem?: number;
  /** Ceiling on the number of cells (default 2^24, a 64 MiB cell table). */
  maxCells?: number;
}

export interface LocateIndexStats {
  polygons: number;
  buildMs: number;
  cells: number;
  cols: number;
  rows: number;
  /** Cells crossed by some boundary, whose points need the exact test. */
  boundaryCells: number;
  /** Exact tests stored over all boundary cells (average per boundary cell = candidates / boundaryCells). */
  candidates: number;
  /** Bytes held by the index's typed arrays, plus 8 per id reference. */
  memoryBytes: number;
}

export interface LocateIndex extends Locator {
  readonly stats: LocateIndexStats;
}

const EMPTY_STATS: LocateIndexStats = {
  polygons: 0,
  buildMs: 0,
  cells: 0,
  cols: 0,
  rows: 0,
  boundaryCells: 0,
  candidates: 0,
  memoryBytes: 0,
};

/**
 * Point-in-polygon location for many polygons (grids of a district). A uniform grid over the items'
 * extent: a cell no boundary comes near stores its answer outright; a cell a boundary crosses stores,
 * per candidate item, the few tests that decide it there (see locate-grid.ts for why they give the
 * full test's answer). The answer for every point, boundary points included, is the baseline's:
 * the rule in point-in-polygon.ts, earliest item first when items overlap.
 */
export function buildLocateIndex(items: readonly LocateItem[], options: LocateIndexOptions = {}): LocateIndex {
  const started = performance.now();
  const n = items.length;
  const ids = items.map((item) => item.id);
  const grid = buildGrid(
    items.map((item) => item.geometry),
    options,
  );
  if (!grid) return { locate: () => null, locateIndex: () => -1, stats: { ...EMPTY_STATS, polygons: n } };
  const { gx0, gy0, invCw, invCh, cols, rows, cellValue, lists, thresholds, edges } = grid;

  const locateIndex = (lng: number, lat: number): number => {
    const fx = (lng - gx0) * invCw;
    const fy = (lat - gy0) * invCh;
    if (!(fx >= 0 && fy >= 0 && fx < cols && fy < rows)) return -1;
    const v = cellValue[(fy | 0) * cols + (fx | 0)];
    if (v > -2) return v;
    let k = -v - 2;
    const cover = lists[k];
    let left = lists[k + 1];
    k += 2;
    while (left-- > 0) {
      const item = lists[k];
      const head = lists[k + 1];
      let inside = (head & 1) === 1;
      k += 2;
      for (const end = k + (head >>> 1); k < end; k++) {
        const t = lists[k];
        if (t >= 0) {
          const e = t << 2;
          const yl = edges[e + 1];
          if (lat >= yl && lat < edges[e + 2] && lng < edges[e] + (lat - yl) * edges[e + 3]) inside = !inside;
        } else if (thresholds[~t] > lat) {
          inside = !inside;
        }
      }
      if (inside) return item;
    }
    return cover;
  };

  const stats: LocateIndexStats = {
    polygons: n,
    buildMs: Math.round((performance.now() - started) * 10) / 10,
    cells: cols * rows,
    cols,
    rows,
    boundaryCells: grid.boundaryCells,
    candidates: grid.candidates,
    memoryBytes: cellValue.byteLength + lists.byteLength + thresholds.byteLength + edges.byteLength + 8 * n,
  };
  return {
    locateIndex,
    locate: (lng, lat) => {
      const i = locateIndex(lng, lat);
      return i < 0 ? null : ids[i];
    },
    stats,
  };
}
