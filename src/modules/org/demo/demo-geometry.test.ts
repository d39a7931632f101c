import { describe, expect, it } from 'vitest';
import {
  centroidOf,
  normaliseGeometry,
  planarArea,
  readingOrder,
  splitByArea,
  type Geometry,
} from './demo-geometry.js';

const square = (x: number, y: number, s = 1): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

describe('demo geometry', () => {
  it('splits a shape into pieces of equal area that add up to it', () => {
    // An L-shape with a hole, so cuts cross concave edges and a ring inside.
    const shape: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
        [
          [0.25, 0.25],
          [0.25, 0.5],
          [0.5, 0.5],
          [0.5, 0.25],
          [0.25, 0.25],
        ],
      ],
    };
    for (const n of [1, 2, 3, 5, 7, 11]) {
      const pieces = splitByArea(shape, n);
      expect(pieces).toHaveLength(n);
      for (const p of pieces) expect(planarArea(p)).toBeCloseTo(planarArea(shape) / n, 9);
    }
  });

  it('numbers a shuffled 3 × 3 lattice like a page: west to east, then north to south', () => {
    const cells = [] as { id: string; g: Geometry }[];
    for (const row of [0, 1, 2])
      for (const col of [0, 1, 2]) cells.push({ id: `r${row}c${col}`, g: square(col, 2 - row) });
    const shuffled = [cells[4], cells[8], cells[0], cells[6], cells[2], cells[7], cells[1], cells[5], cells[3]];
    expect(readingOrder(shuffled, (c) => c.g).map((c) => c.id)).toEqual(cells.map((c) => c.id));
  });

  it('cleans spikes and repeated vertices out of an outline without changing its area', () => {
    const spiky: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 0],
          [2, 1],
          [3, 1],
          [2, 1],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const clean = normaliseGeometry(spiky);
    expect(planarArea(clean)).toBeCloseTo(4, 12);
    expect(clean.type === 'Polygon' && clean.coordinates[0]).toHaveLength(5);
    expect(centroidOf(clean)).toEqual([1, 1]);
  });
});
