import { api } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';
import type { FileMeta } from '../../../../src/contracts/files';
import type {
  CheckResult,
  Closure,
  ClosureBody,
  Inspection,
  InspectionBody,
  InspectionResult,
  LiftBody,
  VenueBody,
  VenueDetail,
  VenueHistoryEntry,
  VenueInspectionListQuery,
  VenueInspectionPage,
  VenueInspectionRow,
  VenueListQuery,
  VenuePage,
  VenueSettingItem,
  VenueSettingPatch,
  VenueSettings,
  VenueStatus,
  VenueSummary,
  VenueUpdateBody,
  VenuesImported,
} from '../../../../src/contracts/venues';

/** The shapes come from the server's contract (src/contracts/venues.ts), so the two never drift. */
export type {
  CheckResult,
  Closure,
  ClosureBody,
  Inspection,
  InspectionBody,
  InspectionResult,
  VenueBody,
  VenueDetail,
  VenueHistoryEntry,
  VenueInspectionListQuery,
  VenueInspectionPage,
  VenueInspectionRow,
  VenueListQuery,
  VenuePage,
  VenueSettingItem,
  VenueSettings,
  VenueStatus,
  VenueSummary,
  VenueUpdateBody,
  VenuesImported,
};

export type SettingKind = 'types' | 'check-items';

export const venuesApi = {
  list: (query: VenueListQuery, signal?: AbortSignal) => api.get<VenuePage>('/venues', { ...query }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<VenueDetail>(`/venues/${id}`, undefined, { signal }),
  /** The full phone number, with the reason the server logs. */
  reveal: (id: string, reason: string) => api.get<VenueDetail>(`/venues/${id}`, { reveal: 'true', reason }),
  create: (body: VenueBody) => api.post<VenueDetail>('/venues', body),
  /** The inspections of an area over days (the list behind 场所检查合格率). */
  inspections: (query: VenueInspectionListQuery, signal?: AbortSignal) =>
    api.get<VenueInspectionPage>('/venue-inspections', { ...query }, { signal }),
  /** 场所台账 .xlsx: all rows or none. */
  importSheet: (file: File) => uploadMultipart<VenuesImported>('/venues/import', file, file.name),
  importTemplateUrl: '/api/v1/venues/import-template.xlsx',
  update: (id: string, body: VenueUpdateBody) => api.put<VenueDetail>(`/venues/${id}`, body),
  inspect: (id: string, body: InspectionBody, idempotencyKey?: string) =>
    api.post<Inspection>(
      `/venues/${id}/inspections`,
      body,
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined,
    ),
  close: (id: string, body: ClosureBody) => api.post<Closure>(`/venues/${id}/closures`, body),
  lift: (id: string, body: LiftBody) => api.post<Closure>(`/venues/${id}/closures/lift`, body),
  settings: (signal?: AbortSignal) => api.get<VenueSettings>('/venue-settings', undefined, { signal }),
  addSetting: (kind: SettingKind, name: string) => api.post<VenueSettingItem[]>(`/venue-settings/${kind}`, { name }),
  updateSetting: (kind: SettingKind, code: string, patch: VenueSettingPatch) =>
    api.patch<VenueSettingItem[]>(`/venue-settings/${kind}/${code}`, patch),
};

/** Thumbnail and full image of an uploaded photo. */
export const photoUrls = (fileId: string) => ({
  thumb: `/api/v1/files/${fileId}/thumbnail`,
  full: `/api/v1/files/${fileId}`,
});

/** POST /api/v1/files (multipart, field "file"), as the cases do. */
export function uploadPhoto(file: Blob, name = 'photo.jpg'): Promise<FileMeta> {
  return uploadMultipart<FileMeta>('/files', file, name, { tooLarge: '照片' });
}
