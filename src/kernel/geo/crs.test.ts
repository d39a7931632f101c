import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { convertGeometry, toWgs84 } from './crs.js';
import type { MultiPolygon, Polygon } from './geojson.js';

// 周口市川汇区, near the district government.
const ZHOUKOU: [number, number] = [114.8, 33.6];
const metres = (a: number[], b: number[]): number => Math.hypot((a[0] - b[0]) * 92_800, (a[1] - b[1]) * 111_000);

describe('toWgs84', () => {
  it('keeps WGS-84 and CGCS2000 coordinates as they are', () => {
    expect(toWgs84(...ZHOUKOU, 'wgs84')).toEqual(ZHOUKOU);
    expect(toWgs84(...ZHOUKOU, 'cgcs2000')).toEqual(ZHOUKOU);
  });

  it('undoes the GCJ-02 offset, some 500 m around Zhoukou', () => {
    const wgs = toWgs84(...ZHOUKOU, 'gcj02');
    expect(wgs[0]).toBeCloseTo(114.79451, 5);
    expect(wgs[1]).toBeCloseTo(33.60155, 5);
    const there = gcoord.transform(ZHOUKOU, gcoord.WGS84, gcoord.GCJ02);
    expect(metres(toWgs84(there[0], there[1], 'gcj02'), ZHOUKOU)).toBeLessThan(0.5);
  });

  it('undoes Baidu BD-09', () => {
    const wgs = toWgs84(...ZHOUKOU, 'bd09');
    expect(wgs[0]).toBeCloseTo(114.78793, 5);
    expect(wgs[1]).toBeCloseTo(33.59581, 5);
    const there = gcoord.transform(ZHOUKOU, gcoord.WGS84, gcoord.BD09);
    expect(metres(toWgs84(there[0], there[1], 'bd09'), ZHOUKOU)).toBeLessThan(0.5);
  });

  it('refuses coordinates that are not finite numbers', () => {
    expect(() => toWgs84(NaN, 33.6, 'gcj02')).toThrow(RangeError);
    expect(() => toWgs84(114.8, Infinity, 'wgs84')).toThrow(RangeError);
  });
});

describe('convertGeometry', () => {
  const a: [number, number] = [114.8, 33.6];
  const b: [number, number] = [114.81, 33.6];
  const c: [number, number] = [114.81, 33.61];
  const d: [number, number] = [114.8, 33.61];

  it('converts every ring of a polygon, keeping rings closed and the input unchanged', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [[a, b, c, d, a]] };
    const before = JSON.stringify(polygon);
    const out = convertGeometry(polygon, 'gcj02');
    expect(JSON.stringify(polygon)).toBe(before);
    expect(out.type).toBe('Polygon');
    const ring = out.coordinates[0];
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[0]).toEqual(toWgs84(...a, 'gcj02'));
  });

  it('keeps a vertex shared by two parts identical in both', () => {
    const e: [number, number] = [114.82, 33.6];
    const f: [number, number] = [114.82, 33.59];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[a, b, c, d, a]], [[b, e, f, b]]] };
    const out = convertGeometry(multi, 'bd09');
    expect(out.coordinates[0][0][1]).toEqual(out.coordinates[1][0][0]);
    expect(out.coordinates[0][0][1]).not.toEqual(b);
  });

  it('returns an equal copy for WGS-84', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [[a, b, c, d, a]] };
    const out = convertGeometry(polygon, 'wgs84');
    expect(out).toEqual(polygon);
    expect(out.coordinates[0]).not.toBe(polygon.coordinates[0]);
  });
});
