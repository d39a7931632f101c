import gcoord from 'gcoord';
import type { BoundaryGeometry, MultiPolygon, Polygon, Position } from './geojson.js';

/**
 * Coordinate systems boundaries and points arrive in. We store WGS-84; CGCS2000 differs from it by
 * centimetres, far below what a grid boundary needs, so it is taken as WGS-84 unchanged.
 * GCJ-02 is what AMap and Tencent use, BD-09 is Baidu's.
 */
export const CRS_NAMES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_NAMES)[number];

const FROM = {
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/**
 * Converts one point to WGS-84. GCJ-02 and BD-09 are undone only inside China, as gcoord does; the
 * inverse of GCJ-02 is gcoord's iterative one (error well under a metre).
 */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new RangeError(`not a coordinate: ${lng}, ${lat}`);
  if (crs === 'wgs84' || crs === 'cgcs2000') return [lng, lat];
  const from = FROM[crs];
  if (!from) throw new RangeError(`unknown coordinate system ${String(crs)}`);
  const [x, y] = gcoord.transform([lng, lat], from, gcoord.WGS84);
  return [x, y];
}

/**
 * A converted copy of a Polygon or MultiPolygon; the input is not changed. The same input position
 * always converts to the same output, so closed rings stay closed and neighbours that shared a vertex
 * still share it exactly. Altitudes are dropped.
 */
export function convertGeometry<G extends BoundaryGeometry>(geom: G, crs: Crs): G {
  const point = (p: Position): Position => toWgs84(p[0], p[1], crs);
  const rings = (polygon: Position[][]): Position[][] => polygon.map((ring) => ring.map(point));
  if (geom.type === 'Polygon') {
    return { type: 'Polygon', coordinates: rings(geom.coordinates) } satisfies Polygon as G;
  }
  return { type: 'MultiPolygon', coordinates: geom.coordinates.map(rings) } satisfies MultiPolygon as G;
}
