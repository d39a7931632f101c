import { api } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';

import type { CaseStatus } from '../cases/api';
export type { CaseStatus };

export type DeadlineStatus = 'none' | 'on_time' | 'near_overdue' | 'overdue';

export interface Category {
  code: string;
  parentCode: string | null;
  name: string;
  level: 1 | 2;
  timeLimit: { value: number; unit: 'hours' | 'days' } | null;
  active: boolean;
}

export interface Point {
  lng: number;
  lat: number;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  status: CaseStatus;
  statusName: string;
  gridId: string | null;
  gridName: string | null;
  address: string | null;
  deadline: string | null;
  deadlineStatus: DeadlineStatus;
  reportedAt: string;
  location: Point | null;
  fixedOnSpot?: boolean;
  version: number;
}

export interface FileRef {
  fileId: string;
  role: 'before' | 'after' | 'evidence' | null;
  url: string;
  thumbnailUrl: string;
}

export interface CaseAction {
  seq: number;
  type: string;
  typeName: string;
  at: string;
  actorName: string;
  unitName: string | null;
  comment: string | null;
  attachments: FileRef[];
  payload: Record<string, unknown> | null;
}

export interface CaseDetail extends CaseSummary {
  communityName: string | null;
  subdistrictName: string | null;
  assignedUnitName: string | null;
  rejectionReason: string | null;
  closedAt: string | null;
  photos: FileRef[];
  actions: CaseAction[];
  allowedActions: string[];
}

export interface UploadedFile {
  id: string;
  gps: Point | null;
  takenAt: string | null;
  url: string;
  thumbnailUrl: string;
}

export interface ReportBody {
  categoryCode: string;
  description: string;
  location?: { lng: number; lat: number; crs: 'wgs84' };
  address?: string;
  photoIds?: string[];
  fixedOnSpot?: boolean;
  beforePhotoIds?: string[];
  afterPhotoIds?: string[];
}

export interface ActionBody {
  type: 'verify_pass' | 'verify_fail' | 'comment';
  comment?: string;
  attachments?: { fileId: string; role: 'evidence' }[];
  payload?: { reason: string };
  expectedVersion?: number;
}

export interface GridFeature {
  type: 'Feature';
  properties: { id?: string; name?: string } & Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** Cases still on somebody's desk: "my grid's open cases" (the ledger's own list). */
export { openStatuses as OPEN_STATUSES } from '../cases/labels';

export const mobileApi = {
  categories: () => api.get<{ items: Category[] }>('/case-categories'),
  listCases: (status: CaseStatus[], limit = 50, cursor?: string, from?: string) =>
    api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/cases', {
      status: status.join(','),
      limit,
      cursor,
      from,
    }),
  getCase: (id: string) => api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`),
  /**
   * POST /cases. `idempotencyKey` (the outbox item's id) makes sending it again exact: the server
   * answers the case the first request made instead of making another.
   */
  report: (body: ReportBody, idempotencyKey?: string) =>
    api.post<CaseDetail>(
      '/cases',
      body,
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined,
    ),
  act: (id: string, body: ActionBody) => api.post<CaseDetail>(`/cases/${encodeURIComponent(id)}/actions`, body),
  boundary: (unitId: string) => api.get<GridFeature>(`/units/${encodeURIComponent(unitId)}/boundary`),
  locate: (p: Point) =>
    api.get<{ found: boolean; grid: { id: string; name: string } | null }>('/grids/locate', {
      lng: p.lng,
      lat: p.lat,
      crs: 'wgs84',
    }),

  /** POST /files (multipart). Fails like the JSON calls: ApiError, status 0 when the network is down. */
  upload: (file: Blob, filename: string) =>
    uploadMultipart<UploadedFile>('/files', file, filename, { tooLarge: '照片' }),
};
