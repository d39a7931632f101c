import { uploadMultipart } from '../../lib/upload';
import { api, withQuery } from '../../lib/api';
import type { Crs, Unit } from '../org/api';

/** The server's own list of states (src/modules/cases/domain), so the two never drift. */
import type { CaseStatus } from '../../../../src/contracts/cases';
export type { CaseStatus };

export type DeadlineStatus = 'none' | 'on_time' | 'near_overdue' | 'overdue';

export type CaseActionType =
  | 'report'
  | 'escalate'
  | 'accept'
  | 'reject'
  | 'merge'
  | 'absorb'
  | 'escalate_district'
  | 'dispatch'
  | 'return'
  | 'start'
  | 'request_extension'
  | 'approve_extension'
  | 'deny_extension'
  | 'feedback'
  | 'verify_pass'
  | 'verify_fail'
  | 'reopen'
  | 'urge'
  | 'supervise'
  | 'comment'
  /** 区划调整: recorded by the system when org moves a unit; never a button. */
  | 'relocate';

export interface TimeLimit {
  value: number;
  unit: 'hours' | 'days';
}

export type PhotoRole = 'before' | 'after' | 'evidence';

export interface CaseCategory {
  code: string;
  parentCode: string | null;
  name: string;
  /** 1 大类, 2 小类. */
  level: 1 | 2;
  source: string;
  timeLimit: TimeLimit | null;
  defaultUnitId: string | null;
  defaultUnitName: string | null;
  duplicateRadiusM: number;
  active: boolean;
}

export interface UploadedFile {
  id: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
  gps: { lng: number; lat: number } | null;
  takenAt: string | null;
  url: string;
  thumbnailUrl: string;
}

export interface CasePhoto {
  fileId: string;
  role: PhotoRole | null;
  url: string;
  thumbnailUrl: string;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  location: { lng: number; lat: number } | null;
  address: string | null;
  outOfGrid: boolean;
  gridId: string | null;
  gridName: string | null;
  communityName: string | null;
  subdistrictName: string | null;
  source: string;
  status: CaseStatus;
  statusName: string;
  fixedOnSpot?: boolean;
  assignedUnitId: string | null;
  assignedUnitName: string | null;
  deadline: string | null;
  deadlineStatus: DeadlineStatus;
  reworkCount: number;
  urgeCount: number;
  superviseCount: number;
  extensionCount?: number;
  pendingExtension: (TimeLimit & { reason: string }) | null;
  mergedInto: string | null;
  reportedAt: string;
  closedAt: string | null;
  reconciledAt: string | null;
  version: number;
}

export interface CaseActionEntry {
  seq: number;
  type: CaseActionType;
  typeName: string;
  at: string;
  actorName: string;
  unitName: string | null;
  comment: string | null;
  attachments: CasePhoto[];
  payload: Record<string, unknown> | null;
}

export interface CaseDetail extends CaseSummary {
  rejectionReason?: string | null;
  reporters?: number;
  photos: CasePhoto[];
  actions: CaseActionEntry[];
  allowedActions: CaseActionType[];
}

export interface DuplicateHit {
  id: string;
  caseNumber: string;
  description: string;
  distanceM: number;
  status: CaseStatus;
  reportedAt: string;
}

export interface CaseListQuery {
  status?: string;
  categoryCode?: string;
  unitId?: string;
  source?: string;
  from?: string;
  to?: string;
  deadlineStatus?: string;
  reconciled?: 'true' | 'false';
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface ReportCaseInput {
  categoryCode: string;
  description: string;
  location?: { lng: number; lat: number; crs?: Crs } | null;
  address?: string | null;
  photoIds?: string[];
  fixedOnSpot?: boolean;
  beforePhotoIds?: string[];
  afterPhotoIds?: string[];
}

export interface CaseActionInput {
  type: CaseActionType;
  comment?: string;
  attachments?: { fileId: string; role?: PhotoRole }[];
  payload?: Record<string, unknown>;
  expectedVersion: number;
}

/** GB/T 30428.4 indicators; the server may add more fields than listed. */
export interface CaseKpis {
  unitId?: string;
  from?: string;
  to?: string;
  asOf?: string;
  counts?: Record<string, number>;
  caseCount?: number;
  closedCount?: number;
  closeRate?: number | null;
  onTimeCloseRate?: number | null;
  reworkRate?: number | null;
  handleRate?: number | null;
  handledRate?: number | null;
  onTimeHandleRate?: number | null;
  onTimeHandledRate?: number | null;
  extensionRate?: number | null;
  avgHandlingHours?: number | null;
  avgClosingHours?: number | null;
  [key: string]: unknown;
}

export const casesApi = {
  categories: () => api.get<{ items: CaseCategory[] }>('/case-categories'),
  updateCategory: (
    code: string,
    body: Partial<Pick<CaseCategory, 'name' | 'timeLimit' | 'defaultUnitId' | 'duplicateRadiusM' | 'active'>>,
  ) => api.patch<void>(`/case-categories/${encodeURIComponent(code)}`, body),
  list: (query: CaseListQuery, signal?: AbortSignal) =>
    api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/cases', { ...query }, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, undefined, { signal }),
  report: (body: ReportCaseInput) => api.post<CaseDetail>('/cases', body),
  act: (id: string, body: CaseActionInput) => api.post<CaseDetail>(`/cases/${encodeURIComponent(id)}/actions`, body),
  reconcile: (id: string) => api.post<CaseDetail>(`/cases/${encodeURIComponent(id)}/reconcile`),
  duplicates: (q: { categoryCode: string; lng: number; lat: number; crs?: Crs }, signal?: AbortSignal) =>
    api.get<{ items: DuplicateHit[]; radiusM?: number }>('/cases/duplicates', { ...q }, { signal }),
  kpis: (q: { unitId?: string; from: string; to: string }, signal?: AbortSignal) =>
    api.get<CaseKpis>('/cases/kpis', q, { signal }),
  exportUrl: (query: CaseListQuery) =>
    withQuery('/api/v1/cases/export.xlsx', { ...query, cursor: undefined, limit: undefined }),
  /** Departments and outside units a case can be dispatched to. */
  dispatchTargets: async (): Promise<Unit[]> => (await api.get<{ items: Unit[] }>('/cases/dispatch-units')).items,
};

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** HEIC (iPhone) too: the server converts it; some systems give it no MIME type, so the extension counts. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'];
export const PHOTO_EXTENSIONS = /\.(jpe?g|png|heic|heif)$/i;

/** POST /api/v1/files (multipart, field "file"). Throws ApiError like the JSON calls. */
export function uploadFile(
  file: Blob,
  name = 'photo.jpg',
  onProgress?: (percent: number) => void,
): Promise<UploadedFile> {
  return uploadMultipart<UploadedFile>('/files', file, name, { onProgress, tooLarge: '照片' });
}
