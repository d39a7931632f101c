import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bboxOf, planarArea } from './demo-geometry.js';
import { gcj02ToWgs84, loadOutline } from './load-outline.js';

describe('loadOutline', () => {
  it('reads 川汇区 and moves it from GCJ-02 to WGS-84, keeping rings closed', () => {
    const g = loadOutline(path.resolve('assets/geo/chuanhui-411602.geojson'));
    expect(g.type).toBe('Polygon');
    const ring = g.type === 'Polygon' ? g.coordinates[0] : [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const [x0, y0, x1, y1] = bboxOf(g);
    expect([x0, y0, x1, y1].every(Number.isFinite)).toBe(true);
    // Around Zhoukou, GCJ-02 lies some 0.005° east and 0.001° north of WGS-84.
    expect(x0).toBeGreaterThan(114.57);
    expect(x0).toBeLessThan(114.58);
    expect(Math.abs(planarArea(g))).toBeGreaterThan(0.03);
  });

  it('converts a known point the way gcoord does', () => {
    const g = gcj02ToWgs84({
      type: 'Polygon',
      coordinates: [
        [
          [114.65, 33.6],
          [114.66, 33.6],
          [114.66, 33.61],
          [114.65, 33.6],
        ],
      ],
    });
    const [lng, lat] = g.type === 'Polygon' ? g.coordinates[0][0] : [0, 0];
    expect(114.65 - lng).toBeGreaterThan(0.003);
    expect(114.65 - lng).toBeLessThan(0.008);
    expect(Math.abs(33.6 - lat)).toBeLessThan(0.003);
  });
});
