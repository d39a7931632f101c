import { api } from '../../lib/api';
import type { Geometry } from 'geojson';
import type { Person } from '../people/api';

export type UnitKind =
  | 'district'
  | 'subdistrict'
  | 'township'
  | 'community'
  | 'village'
  | 'grid_large'
  | 'grid_small'
  | 'department'
  | 'outside_unit'
  | 'party_branch';

export type Crs = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';

export interface Unit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  code: string | null;
  name: string;
  districtCode: string;
  status: 'active' | 'retired';
  hasBoundary: boolean;
  childCount: number;
}

export interface UnitDetail extends Unit {
  /** Root first, the unit itself not included. */
  ancestors: Unit[];
  gridWorkers: Person[];
}

export interface LocateResult {
  point: { lng: number; lat: number };
  found: boolean;
  grid: Unit | null;
  ancestors: Unit[];
}

export interface BoundaryFeature {
  type: 'Feature';
  id?: string | number;
  properties: { id?: string; name?: string; kind?: UnitKind; code?: string | null } & Record<string, unknown>;
  geometry: Geometry;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export interface UnitListQuery {
  parentId?: string;
  kind?: UnitKind;
  q?: string;
  includeRetired?: boolean;
}

export const orgApi = {
  listUnits: (query: UnitListQuery = {}) =>
    api.get<{ items: Unit[] }>('/units', { ...query, includeRetired: query.includeRetired ? true : undefined }),
  getUnit: (id: string, signal?: AbortSignal) =>
    api.get<UnitDetail>(`/units/${encodeURIComponent(id)}`, undefined, { signal }),
  createUnit: (body: { parentId: string; kind: UnitKind; name: string; code?: string }) =>
    api.post<Unit>('/units', body),
  updateUnit: (id: string, body: { name?: string; code?: string | null }) =>
    api.patch<Unit>(`/units/${encodeURIComponent(id)}`, body),
  moveUnit: (id: string, parentId: string) => api.post<Unit>(`/units/${encodeURIComponent(id)}/move`, { parentId }),
  retireUnit: (id: string) => api.post<Unit>(`/units/${encodeURIComponent(id)}/retire`),
  boundary: (id: string, signal?: AbortSignal) =>
    api.get<BoundaryFeature>(`/units/${encodeURIComponent(id)}/boundary`, undefined, { signal }),
  childBoundaries: (id: string, signal?: AbortSignal) =>
    api.get<BoundaryCollection>(`/units/${encodeURIComponent(id)}/boundaries`, undefined, { signal }),
  importBoundaries: (id: string, crs: Crs, collection: unknown) =>
    api.post<{ updated: number }>(`/units/${encodeURIComponent(id)}/boundaries`, collection, { query: { crs } }),
  locate: (lng: number, lat: number, crs: Crs, signal?: AbortSignal) =>
    api.get<LocateResult>('/grids/locate', { lng, lat, crs }, { signal }),
};
