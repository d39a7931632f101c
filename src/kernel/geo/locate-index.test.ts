import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polygonsOf, type Position } from './geojson.js';
import { prepareFromRaw, rawEdges } from './locate-cells.js';
import { buildBaselineIndex, buildLocateIndex, naiveLocate, type LocateItem } from './locate-index.js';
import { pointInGeometry, preparePolygons } from './point-in-polygon.js';
import { jitteredTiling, seededRandom } from './synthetic-tiling.js';

// Binary fractions, so points on edges are exactly on them.
const X0 = 114;
const Y0 = 33;
const S = 0.25;
const at = (i: number, j: number): Position => [X0 + i * S, Y0 + j * S];
const rect = (i0: number, j0: number, i1: number, j1: number): Position[] => [
  at(i0, j0),
  at(i1, j0),
  at(i1, j1),
  at(i0, j1),
  at(i0, j0),
];
const tile = (i: number, j: number): Position[] => rect(i, j, i + 1, j + 1);

/**
 * 3 × 3 tiles:   M  E  F      H has a hole filled by the island I;
 *                C  H  D      M is one MultiPolygon of two tiles.
 *                A  B  M
 */
const TILES: LocateItem[] = [
  { id: 'A', geometry: { type: 'Polygon', coordinates: [tile(0, 0)] } },
  { id: 'B', geometry: { type: 'Polygon', coordinates: [tile(1, 0)] } },
  { id: 'M', geometry: { type: 'MultiPolygon', coordinates: [[tile(2, 0)], [tile(0, 2)]] } },
  { id: 'C', geometry: { type: 'Polygon', coordinates: [tile(0, 1)] } },
  { id: 'H', geometry: { type: 'Polygon', coordinates: [tile(1, 1), rect(1.25, 1.25, 1.75, 1.75).reverse()] } },
  { id: 'I', geometry: { type: 'Polygon', coordinates: [rect(1.25, 1.25, 1.75, 1.75)] } },
  { id: 'D', geometry: { type: 'Polygon', coordinates: [tile(2, 1)] } },
  { id: 'E', geometry: { type: 'Polygon', coordinates: [tile(1, 2)] } },
  { id: 'F', geometry: { type: 'Polygon', coordinates: [tile(2, 2)] } },
];

const locators = (items: LocateItem[]) => [
  { name: 'baseline', locate: buildBaselineIndex(items).locate },
  { name: 'naive', locate: (x: number, y: number) => naiveLocate(items, x, y) },
  ...[0.01, 1, 16, 1000].map((cellsPerItem) => ({
    name: `index ${cellsPerItem}`,
    locate: buildLocateIndex(items, { cellsPerItem }).locate,
  })),
];

/** Every vertex and edge midpoint of every ring. */
function boundaryPoints(items: LocateItem[]): Position[] {
  const points: Position[] = [];
  for (const item of items) {
    for (const polygon of polygonsOf(item.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          points.push(ring[i], [(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2]);
        }
      }
    }
  }
  return points;
}

describe('locate on a handmade tiling', () => {
  const cases: [string, Position, string | null][] = [
    ['a tile centre', at(0.5, 0.5), 'A'],
    ['either part of a MultiPolygon', at(2.5, 0.5), 'M'],
    ['the other part', at(0.5, 2.5), 'M'],
    ['inside a hole, the island', at(1.5, 1.5), 'I'],
    ['around the hole', at(1.1, 1.9), 'H'],
    ['a vertical shared edge: the tile to the east', at(1, 0.5), 'B'],
    ['a horizontal shared edge: the tile to the north', at(0.5, 1), 'C'],
    ['a vertex of four tiles: north-east of it', at(1, 1), 'H'],
    ['another vertex of four tiles', at(2, 1), 'D'],
    ['the west side of a hole: the island', at(1.25, 1.5), 'I'],
    ['the east side of a hole: the holed tile', at(1.75, 1.5), 'H'],
    ['the south side of a hole: the island', at(1.5, 1.25), 'I'],
    ['the north side of a hole: the holed tile', at(1.5, 1.75), 'H'],
    ['the outer west edge: inside', at(0, 0.5), 'A'],
    ['the outer south edge: inside', at(0.5, 0), 'A'],
    ['the outer east edge: outside', at(3, 0.5), null],
    ['the outer north edge: outside', at(0.5, 3), null],
    ['the south-west corner: inside', at(0, 0), 'A'],
    ['the north-east corner: outside', at(3, 3), null],
    ['far away', [0, 0], null],
    ['just below', [X0 + 0.1, Y0 - 1e-9], null],
  ];
  for (const { name, locate } of locators(TILES)) {
    it(`${name} gives the expected tile for edges, vertices, holes and outside points`, () => {
      for (const [what, [x, y], expected] of cases) expect(locate(x, y), what).toBe(expected);
    });
  }

  it('puts every vertex and edge midpoint inside the tiling in exactly one tile', () => {
    for (const [x, y] of boundaryPoints(TILES)) {
      const owners = TILES.filter((item) => pointInGeometry(item.geometry, x, y)).length;
      const onOuterNorthOrEast = x === X0 + 3 * S || y === Y0 + 3 * S;
      expect(owners, `${x}, ${y}`).toBe(onOuterNorthOrEast ? 0 : 1);
    }
  });

  it('answers null for no items, NaN and infinities', () => {
    expect(buildLocateIndex([]).locate(114, 33)).toBeNull();
    expect(buildBaselineIndex([]).locate(114, 33)).toBeNull();
    const index = buildLocateIndex(TILES);
    expect(index.locate(NaN, 33.1)).toBeNull();
    expect(index.locate(Infinity, 33.1)).toBeNull();
    expect(index.locateIndex(X0 + 0.1, Y0 + 0.1)).toBe(0);
    expect(index.stats).toMatchObject({ polygons: 9 });
    expect(index.stats.memoryBytes).toBeGreaterThan(0);
  });
});

describe('overlapping items', () => {
  const big: LocateItem = { id: 'big', geometry: { type: 'Polygon', coordinates: [rect(-1, -1, 2.5, 2.5)] } };
  it('the earliest item in the list wins', () => {
    for (const { name, locate } of locators([big, ...TILES])) {
      expect(locate(...(at(0.5, 0.5) as [number, number])), name).toBe('big');
      expect(locate(...(at(2.7, 2.7) as [number, number])), name).toBe('F');
    }
    for (const { name, locate } of locators([...TILES, big])) {
      expect(locate(...(at(0.5, 0.5) as [number, number])), name).toBe('A');
      expect(locate(...(at(-0.5, 0.5) as [number, number])), name).toBe('big');
    }
  });
});

describe('the grid index agrees with the baseline', () => {
  it('builds the same crossing records from raw edges as preparePolygons', () => {
    const items = jitteredTiling({
      cols: 4,
      rows: 3,
      extent: [114.6, 33.5, 114.61, 33.51],
      islandEvery: 3,
      multiEvery: 5,
      seed: 3,
    });
    const geometries = items.map((item) => item.geometry);
    const a = preparePolygons(geometries);
    const b = prepareFromRaw(rawEdges(geometries));
    expect(b).toEqual(a);
  });

  const check = (items: LocateItem[], cellsPerItem: number, seed: number, extent: number[]) => {
    const baseline = buildBaselineIndex(items);
    const index = buildLocateIndex(items, { cellsPerItem });
    const random = seededRandom(seed);
    const points = boundaryPoints(items);
    const [x0, y0, x1, y1] = extent;
    for (let k = 0; k < 300; k++) points.push([x0 + random() * (x1 - x0), y0 + random() * (y1 - y0)]);
    points.forEach(([x, y], k) => {
      const expected = baseline.locate(x, y);
      expect(index.locate(x, y), `${x}, ${y}`).toBe(expected);
      if (k % 7 === 0) expect(naiveLocate(items, x, y)).toBe(expected);
    });
  };

  it('on random tilings with holes, MultiPolygons, rounding and overlapping parents', () => {
    const config = fc.record({
      cols: fc.integer({ min: 1, max: 6 }),
      rows: fc.integer({ min: 1, max: 6 }),
      segments: fc.integer({ min: 1, max: 4 }),
      jitter: fc.double({ min: 0, max: 0.25, noNaN: true }),
      seed: fc.integer({ min: 1, max: 1e9 }),
      islandEvery: fc.integer({ min: 0, max: 4 }),
      multiEvery: fc.integer({ min: 0, max: 5 }),
      decimals: fc.constantFrom(undefined, 5, 6),
      shuffle: fc.boolean(),
      parent: fc.constantFrom('none', 'first', 'last'),
      cellsPerItem: fc.constantFrom(0.05, 1, 4, 16, 300),
    });
    fc.assert(
      fc.property(config, (c) => {
        const extent: [number, number, number, number] = [114.6, 33.5, 114.6 + c.cols * 0.001, 33.5 + c.rows * 0.0012];
        const items = jitteredTiling({ ...c, extent });
        const parent: LocateItem = {
          id: 'parent',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [114.6, 33.5],
                [114.6025, 33.5],
                [114.6025, 33.5025],
                [114.6, 33.5025],
                [114.6, 33.5],
              ],
            ],
          },
        };
        const all = c.parent === 'first' ? [parent, ...items] : c.parent === 'last' ? [...items, parent] : items;
        check(all, c.cellsPerItem, c.seed, [
          extent[0] - 0.0005,
          extent[1] - 0.0005,
          extent[2] + 0.0005,
          extent[3] + 0.0005,
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('even on random self-crossing, overlapping polygons', () => {
    const ring = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
      minLength: 3,
      maxLength: 9,
    });
    const config = fc.record({
      shapes: fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
      cellsPerItem: fc.constantFrom(0.1, 2, 30),
      seed: fc.integer({ min: 1, max: 1e9 }),
    });
    fc.assert(
      fc.property(config, ({ shapes, cellsPerItem, seed }) => {
        // Multiples of 1/16°, so vertices, midpoints and grid lines coincide often.
        const items: LocateItem[] = shapes.map((rings, i) => ({
          id: `p${i}`,
          geometry: {
            type: 'Polygon',
            coordinates: rings.map((r) => [...r, r[0]].map(([x, y]) => [114 + x / 16, 33 + y / 16])),
          },
        }));
        check(items, cellsPerItem, seed, [113.9, 32.9, 115.4, 34.4]);
      }),
      { numRuns: 80 },
    );
  });
});
