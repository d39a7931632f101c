import type { Position } from './geojson.js';
import type { LocateItem } from './locate-baseline.js';

/** Small fast seeded generator (mulberry32), for reproducible test data and benches. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TilingOptions {
  cols: number;
  rows: number;
  /** [minLng, minLat, maxLng, maxLat] the lattice spans before jitter. */
  extent: [number, number, number, number];
  /** Segments per tile side; a tile has 4 × segments vertices (default 5, i.e. 20). */
  segments?: number;
  /** How far corners move, as a fraction of the tile size, 0–0.25 (default 0.2). */
  jitter?: number;
  seed?: number;
  /** Every k-th tile gets a hole filled by an island item of its own (0: none). */
  islandEvery?: number;
  /** Every k-th tile is joined with the tile two to its east into one MultiPolygon item (0: none). */
  multiEvery?: number;
  /** Round coordinates to this many decimals, as real data is (default: no rounding). */
  decimals?: number;
  /** Shuffle the item order, so that list order says nothing about position. */
  shuffle?: boolean;
}

/**
 * A tiling with no gaps and no overlaps: a jittered lattice whose tile sides are broken into jittered
 * segments, each side generated once so neighbours share exactly the same vertices.
 */
export function jitteredTiling(options: TilingOptions): LocateItem[] {
  const { cols, rows, extent } = options;
  const segments = Math.max(1, options.segments ?? 5);
  const jitter = Math.min(0.25, options.jitter ?? 0.2);
  const bend = jitter * 0.4;
  const random = seededRandom(options.seed ?? 1);
  const tw = (extent[2] - extent[0]) / cols;
  const th = (extent[3] - extent[1]) / rows;
  const scale = options.decimals === undefined ? 0 : 10 ** options.decimals;
  const round = (v: number): number => (scale ? Math.round(v * scale) / scale : v);
  const wobble = (): number => (random() * 2 - 1) * jitter;

  const corner: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      corner.push([round(extent[0] + (i + wobble()) * tw), round(extent[1] + (j + wobble()) * th)]);
    }
  }
  const cornerAt = (i: number, j: number): Position => corner[j * (cols + 1) + i];
  // Interior points of a side from a to b, bent sideways by up to `bend` tile sizes.
  const side = (a: Position, b: Position): Position[] => {
    const out: Position[] = [];
    for (let s = 1; s < segments; s++) {
      const t = s / segments;
      const offset = (random() * 2 - 1) * bend;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      // Perpendicular offset measured in tile units so it stays proportionate on both axes.
      out.push([round(a[0] + t * dx - offset * (dy / th) * tw), round(a[1] + t * dy + offset * (dx / tw) * th)]);
    }
    return out;
  };
  const south: Position[][] = [];
  const west: Position[][] = [];
  for (let j = 0; j <= rows; j++)
    for (let i = 0; i < cols; i++) south[j * cols + i] = side(cornerAt(i, j), cornerAt(i + 1, j));
  for (let j = 0; j < rows; j++)
    for (let i = 0; i <= cols; i++) west[j * (cols + 1) + i] = side(cornerAt(i, j), cornerAt(i, j + 1));

  const shell = (i: number, j: number): Position[] => [
    cornerAt(i, j),
    ...south[j * cols + i],
    cornerAt(i + 1, j),
    ...west[j * (cols + 1) + i + 1],
    cornerAt(i + 1, j + 1),
    ...[...south[(j + 1) * cols + i]].reverse(),
    cornerAt(i, j + 1),
    ...[...west[j * (cols + 1) + i]].reverse(),
    cornerAt(i, j),
  ];
  const islandRing = (i: number, j: number): Position[] => {
    const cx = extent[0] + (i + 0.5) * tw;
    const cy = extent[1] + (j + 0.5) * th;
    const radius = 0.45 - jitter - bend;
    const ring: Position[] = [];
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      ring.push([round(cx + Math.cos(a) * radius * tw), round(cy + Math.sin(a) * radius * th)]);
    }
    ring.push(ring[0]);
    return ring;
  };

  const items: LocateItem[] = [];
  const joined = new Set<number>();
  const tile = (i: number, j: number, t: number): Position[][] => {
    const rings = [shell(i, j)];
    if (options.islandEvery && t % options.islandEvery === 0) {
      const island = islandRing(i, j);
      rings.push([...island].reverse());
      items.push({ id: `island-${i}-${j}`, geometry: { type: 'Polygon', coordinates: [island] } });
    }
    return rings;
  };
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const t = j * cols + i;
      if (joined.has(t)) continue;
      if (options.multiEvery && t % options.multiEvery === 0 && i + 2 < cols && !joined.has(t + 2)) {
        joined.add(t + 2);
        items.push({
          id: `tile-${i}-${j}+${i + 2}`,
          geometry: { type: 'MultiPolygon', coordinates: [tile(i, j, t), tile(i + 2, j, t + 2)] },
        });
      } else {
        items.push({ id: `tile-${i}-${j}`, geometry: { type: 'Polygon', coordinates: tile(i, j, t) } });
      }
    }
  }
  if (options.shuffle) {
    for (let k = items.length - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      [items[k], items[r]] = [items[r], items[k]];
    }
  }
  return items;
}
