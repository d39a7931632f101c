import { describe, expect, it } from 'vitest';
import { areaSquareMeters, bbox, validateBoundaryGeometry, type Position } from './geojson.js';

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];
const reasonOf = (geom: unknown): string => {
  const result = validateBoundaryGeometry(geom);
  if (result.ok) throw new Error('expected the geometry to be rejected');
  return result.reason;
};

describe('validateBoundaryGeometry accepts', () => {
  it('a polygon with a hole, returned with 2D positions and repeated positions removed', () => {
    const shell = [
      [114, 33, 50],
      [115, 33, 50],
      [115, 33, 50],
      [115, 34, 50],
      [114, 34, 50],
      [114, 33, 50],
    ];
    const hole = square(114.25, 33.25, 0.5).reverse();
    const result = validateBoundaryGeometry({ type: 'Polygon', coordinates: [shell, hole] });
    expect(result).toEqual({
      ok: true,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114, 33],
            [115, 33],
            [115, 34],
            [114, 34],
            [114, 33],
          ],
          hole,
        ],
      },
    });
  });

  it('a multipolygon whose second part is an island inside the first part’s hole', () => {
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(114, 33, 1), square(114.25, 33.25, 0.5)], [square(114.4, 33.4, 0.1)]],
    };
    expect(validateBoundaryGeometry(geometry).ok).toBe(true);
  });

  it('a hole touching its shell at one point, and parts touching at a corner', () => {
    const touchingHole = [
      [114, 33.5],
      [114.5, 33.25],
      [114.5, 33.75],
      [114, 33.5],
    ];
    expect(validateBoundaryGeometry({ type: 'Polygon', coordinates: [square(114, 33, 1), touchingHole] }).ok).toBe(
      true,
    );
    const corner = { type: 'MultiPolygon', coordinates: [[square(114, 33, 1)], [square(115, 34, 1)]] };
    expect(validateBoundaryGeometry(corner).ok).toBe(true);
  });

  it('rings of a few thousand vertices quickly, and still finds a crossing among them', () => {
    const n = 5000;
    const star: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = i % 2 === 0 ? 0.1 : 0.09;
      star.push([114.8 + r * Math.cos(a), 33.6 + r * Math.sin(a)]);
    }
    star.push(star[0]);
    const started = performance.now();
    expect(validateBoundaryGeometry({ type: 'Polygon', coordinates: [star] }).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    const crossed = star.map((p) => [...p]);
    [crossed[100], crossed[2600]] = [crossed[2600], crossed[100]];
    expect(reasonOf({ type: 'Polygon', coordinates: [crossed] })).toMatch(
      /^ring 0 of polygon 0 self-intersects at \(114\.\d+, 33\.\d+\)$/,
    );
  });
});

describe('validateBoundaryGeometry rejects', () => {
  it('geometry types other than Polygon and MultiPolygon', () => {
    expect(reasonOf({ type: 'Point', coordinates: [114, 33] })).toBe('unsupported geometry type Point');
    expect(reasonOf({ type: 'Feature', geometry: null })).toBe('unsupported geometry type Feature');
    expect(reasonOf(null)).toBe('geometry must be a GeoJSON object');
    expect(reasonOf({ type: 'Polygon', coordinates: [] })).toBe('Polygon coordinates must be a non-empty array');
  });

  it('a ring that is not closed, naming ring and polygon', () => {
    const open = square(116, 33, 1).slice(0, 4);
    open.push([116.1, 33]);
    const geometry = { type: 'MultiPolygon', coordinates: [[square(114, 33, 1)], [open]] };
    expect(reasonOf(geometry)).toBe('ring 0 of polygon 1 is not closed');
  });

  it('a ring with fewer than 4 positions', () => {
    expect(
      reasonOf({
        type: 'Polygon',
        coordinates: [
          [
            [114, 33],
            [115, 33],
            [114, 33],
          ],
        ],
      }),
    ).toBe('ring 0 of polygon 0 has fewer than 4 positions');
    const degenerate = [
      [114, 33],
      [115, 33],
      [115, 33],
      [114, 33],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [degenerate] })).toBe(
      'ring 0 of polygon 0 has fewer than 4 positions once repeated positions are removed',
    );
  });

  it('coordinates out of range or not numbers', () => {
    const far = [
      [114, 33],
      [190, 33],
      [115, 34],
      [114, 33],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [far] })).toBe(
      'position 1 of ring 0 of polygon 0: coordinate out of range (190, 33)',
    );
    const text = [
      [114, 33],
      ['115', 33],
      [115, 34],
      [114, 33],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [text] })).toBe(
      'position 1 of ring 0 of polygon 0 is not [lng, lat] with finite numbers',
    );
    const nan = [
      [114, 33],
      [115, NaN],
      [115, 34],
      [114, 33],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [nan] })).toMatch(/^position 1 of ring 0 of polygon 0 is not/);
  });

  it('a ring that crosses itself (bow tie), touches itself, or doubles back', () => {
    const bowTie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [bowTie] })).toBe(
      'ring 0 of polygon 0 self-intersects at (0.5, 0.5)',
    );
    const figureEight = [
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
      [1, 1],
      [0, 0],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [figureEight] })).toBe(
      'ring 0 of polygon 0 self-intersects at (1, 1)',
    );
    const spike = [
      [0, 0],
      [2, 0],
      [2, 2],
      [3, 2],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [spike] })).toBe('ring 0 of polygon 0 self-intersects at (2, 2)');
  });

  it('a hole outside its shell, or crossing it', () => {
    expect(reasonOf({ type: 'Polygon', coordinates: [square(114, 33, 1), square(116, 33, 0.5)] })).toBe(
      'hole 1 of polygon 0 is outside its shell',
    );
    expect(reasonOf({ type: 'Polygon', coordinates: [square(114, 33, 1), square(114.75, 33.25, 0.5)] })).toBe(
      'ring 0 of polygon 0 crosses ring 1 of polygon 0 at (115, 33.25)',
    );
  });

  it('a hole inside another hole, or equal to its shell', () => {
    const nested = [square(114, 33, 1), square(114.1, 33.1, 0.8), square(114.2, 33.2, 0.2)];
    expect(reasonOf({ type: 'Polygon', coordinates: nested })).toBe('hole 2 of polygon 0 is inside hole 1');
    expect(reasonOf({ type: 'Polygon', coordinates: [square(114, 33, 1), square(114, 33, 1)] })).toMatch(
      /^ring 0 of polygon 0 crosses ring 1 of polygon 0 at /,
    );
  });

  it('multipolygon parts that overlap or share an edge', () => {
    const inside = { type: 'MultiPolygon', coordinates: [[square(114, 33, 1)], [square(114.25, 33.25, 0.25)]] };
    expect(reasonOf(inside)).toBe('polygon 1 overlaps polygon 0');
    const crossing = { type: 'MultiPolygon', coordinates: [[square(114, 33, 1)], [square(114.5, 33.5, 1)]] };
    expect(reasonOf(crossing)).toMatch(/^ring 0 of polygon 0 crosses ring 0 of polygon 1 at /);
    const sharing = { type: 'MultiPolygon', coordinates: [[square(114, 33, 1)], [square(115, 33, 1)]] };
    expect(reasonOf(sharing)).toMatch(/^ring 0 of polygon 0 crosses ring 0 of polygon 1 at /);
  });
});

describe('bbox and area', () => {
  it('bbox spans every ring of every part', () => {
    const geometry = { type: 'MultiPolygon' as const, coordinates: [[square(114, 33, 1)], [square(116, 32, 0.5)]] };
    expect(bbox(geometry)).toEqual([114, 32, 116.5, 34]);
  });

  it('area of a 1° square at the equator is about 12,364 km², less its hole', () => {
    const full = areaSquareMeters({ type: 'Polygon', coordinates: [square(0, 0, 1)] });
    expect(full / 1e6).toBeCloseTo(12364, -1);
    const holed = areaSquareMeters({ type: 'Polygon', coordinates: [square(0, 0, 1), square(0.25, 0.25, 0.5)] });
    expect(holed / full).toBeCloseTo(0.75, 2);
  });
});
