import { api } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';

import type {
  CaseActionBody,
  CaseCategory,
  CaseCategoryList,
  CaseDetail,
  CasePage,
  CaseStatus,
  CaseSummary,
  DeadlineStatus,
  ReportCaseBody,
} from '../../../../src/contracts/cases';
import type { FileMeta } from '../../../../src/contracts/files';
import type { LocateReply, UnitBoundary } from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The desktop ledger's shapes, from the server's contract (src/contracts/cases.ts). */
export type { CaseDetail, CaseStatus, CaseSummary, DeadlineStatus };
export type Category = CaseCategory;
export type Point = NonNullable<CaseSummary['location']>;
export type FileRef = CaseDetail['photos'][number];
export type CaseAction = CaseDetail['actions'][number];
export type UploadedFile = FileMeta;
export type ReportBody = ReportCaseBody;
export type ActionBody = z.input<typeof CaseActionBody>;
export type GridFeature = UnitBoundary;

/** Cases still on somebody's desk: "my grid's open cases" (the ledger's own list). */
export { openStatuses as OPEN_STATUSES } from '../cases/labels';

export const mobileApi = {
  categories: () => api.get<CaseCategoryList>('/case-categories'),
  listCases: (status: CaseStatus[], limit = 50, cursor?: string, from?: string) =>
    api.get<CasePage>('/cases', {
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
  /** POST /cases/:id/actions; with `idempotencyKey` (the outbox item's id) a resend takes the step once. */
  act: (id: string, body: ActionBody, idempotencyKey?: string) =>
    api.post<CaseDetail>(
      `/cases/${encodeURIComponent(id)}/actions`,
      body,
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined,
    ),
  /** The handling unit's own cases (处置通): dispatched to `unitId`, whatever their grid. */
  listAssigned: (unitId: string, status: CaseStatus[], limit = 100, cursor?: string) =>
    api.get<CasePage>('/cases', { status: status.join(','), assignedUnitId: unitId, limit, cursor }),
  boundary: (unitId: string) => api.get<GridFeature>(`/units/${encodeURIComponent(unitId)}/boundary`),
  /** The case's grid outline, for whoever may see the case (a handling unit outside the grid's scope too). */
  caseBoundary: (caseId: string) => api.get<GridFeature>(`/cases/${encodeURIComponent(caseId)}/boundary`),
  locate: (p: Point) =>
    api.get<LocateReply>('/grids/locate', {
      lng: p.lng,
      lat: p.lat,
      crs: 'wgs84',
    }),

  /** POST /files (multipart). Fails like the JSON calls: ApiError, status 0 when the network is down. */
  upload: (file: Blob, filename: string) =>
    uploadMultipart<UploadedFile>('/files', file, filename, { tooLarge: '照片' }),
};
