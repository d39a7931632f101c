import fs from 'node:fs';
import gcoord from 'gcoord';
import type { Geometry, Position } from './demo-geometry.js';

/**
 * Reads a district outline (a FeatureCollection, a Feature or a bare Polygon/MultiPolygon; the first
 * areal geometry is taken) and converts it from GCJ-02 — what the shipped source most likely uses —
 * to WGS-84, point by point, so rings stay closed.
 */
export function loadOutline(file: string): Geometry {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const geometry = firstAreal(json);
  if (!geometry) throw new Error(`${file}: no Polygon or MultiPolygon found`);
  return gcj02ToWgs84(geometry);
}

export function gcj02ToWgs84(g: Geometry): Geometry {
  const point = (p: Position): Position => {
    const [x, y] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
    return [x, y];
  };
  const rings = (polygon: Position[][]) => polygon.map((ring) => ring.map(point));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(rings) };
}

function firstAreal(json: unknown): Geometry | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as { type?: unknown; features?: unknown[]; geometry?: unknown };
  if (o.type === 'Polygon' || o.type === 'MultiPolygon') return o as Geometry;
  if (o.type === 'Feature') return firstAreal(o.geometry);
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) {
    for (const f of o.features) {
      const g = firstAreal(f);
      if (g) return g;
    }
  }
  return null;
}
