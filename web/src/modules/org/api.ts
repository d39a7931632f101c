import { api } from '../../lib/api';
import type {
  ChildBoundaries,
  CreateUnitBody,
  Crs,
  ImportBoundariesReply,
  ListUnitsQuery,
  LocateReply,
  Unit,
  UnitBoundary,
  UnitDetail,
  UnitKind,
  UnitList,
  UpdateUnitBody,
} from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/org.ts), so the two never drift. */
export type { Crs, Unit, UnitDetail, UnitKind };
export type LocateResult = LocateReply;
/** A unit's own boundary (GET /units/:id/boundary). */
export type BoundaryFeature = UnitBoundary;
/** The boundaries of a unit's children (GET /units/:id/boundaries). */
export type BoundaryCollection = ChildBoundaries;
/** includeRetired is sent as 'true' or left out. */
export type UnitListQuery = Omit<z.input<typeof ListUnitsQuery>, 'includeRetired' | 'limit'> & {
  includeRetired?: boolean;
  limit?: number;
};

export const orgApi = {
  listUnits: (query: UnitListQuery = {}) =>
    api.get<UnitList>('/units', { ...query, includeRetired: query.includeRetired ? true : undefined }),
  getUnit: (id: string, signal?: AbortSignal) =>
    api.get<UnitDetail>(`/units/${encodeURIComponent(id)}`, undefined, { signal }),
  createUnit: (body: CreateUnitBody) => api.post<Unit>('/units', body),
  updateUnit: (id: string, body: UpdateUnitBody) => api.patch<Unit>(`/units/${encodeURIComponent(id)}`, body),
  moveUnit: (id: string, parentId: string) => api.post<Unit>(`/units/${encodeURIComponent(id)}/move`, { parentId }),
  retireUnit: (id: string) => api.post<Unit>(`/units/${encodeURIComponent(id)}/retire`),
  boundary: (id: string, signal?: AbortSignal) =>
    api.get<BoundaryFeature>(`/units/${encodeURIComponent(id)}/boundary`, undefined, { signal }),
  childBoundaries: (id: string, signal?: AbortSignal) =>
    api.get<BoundaryCollection>(`/units/${encodeURIComponent(id)}/boundaries`, undefined, { signal }),
  importBoundaries: (id: string, crs: Crs, collection: unknown) =>
    api.post<ImportBoundariesReply>(`/units/${encodeURIComponent(id)}/boundaries`, collection, { query: { crs } }),
  locate: (lng: number, lat: number, crs: Crs, signal?: AbortSignal) =>
    api.get<LocateResult>('/grids/locate', { lng, lat, crs }, { signal }),
};
