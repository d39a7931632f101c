import { uploadMultipart } from '../../lib/upload';
import { api, withQuery } from '../../lib/api';
import type {
  CaseActionBody,
  CaseActionType,
  CaseCategory,
  CaseCategoryList,
  CaseDetail,
  CaseDuplicates,
  CaseKpis,
  CasePage,
  CaseSortKey,
  CaseStatus,
  CaseSummary,
  DeadlineStatus,
  DuplicatesQuery,
  KpisQuery,
  LedgerSheet,
  ListCasesQuery,
  ReportCaseBody,
  SortOrder,
  UpdateCategoryBody,
} from '../../../../src/contracts/cases';
import type { FileMeta } from '../../../../src/contracts/files';
import type { Unit, UnitBoundary, UnitList } from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/cases.ts), so the two never drift. */
export type {
  CaseActionType,
  CaseCategory,
  CaseDetail,
  CaseKpis,
  CaseSortKey,
  CaseStatus,
  CaseSummary,
  DeadlineStatus,
  LedgerSheet,
  SortOrder,
};
export type TimeLimit = NonNullable<CaseCategory['timeLimit']>;
export type CasePhoto = CaseDetail['photos'][number];
export type PhotoRole = NonNullable<CasePhoto['role']>;
export type CaseActionEntry = CaseDetail['actions'][number];
export type DuplicateHit = CaseDuplicates['items'][number];
export type UploadedFile = FileMeta;
export type ReportCaseInput = ReportCaseBody;
export type CaseActionInput = z.input<typeof CaseActionBody>;
export type CategoryUpdate = z.input<typeof UpdateCategoryBody>;
/** The list's filters as the URL carries them (status and deadlineStatus comma-separated). */
export type CaseListQuery = Omit<z.input<typeof ListCasesQuery>, 'limit'> & { limit?: number };
export type DuplicatesQueryInput = Omit<z.input<typeof DuplicatesQuery>, 'lng' | 'lat'> & { lng: number; lat: number };
export type KpisQueryInput = z.input<typeof KpisQuery>;

export const casesApi = {
  categories: () => api.get<CaseCategoryList>('/case-categories'),
  updateCategory: (code: string, body: CategoryUpdate) =>
    api.patch<void>(`/case-categories/${encodeURIComponent(code)}`, body),
  list: (query: CaseListQuery, signal?: AbortSignal) => api.get<CasePage>('/cases', { ...query }, { signal }),
  /** The case's grid outline, for whoever may see the case (a handling unit outside the grid's scope too). */
  boundary: (id: string, signal?: AbortSignal) =>
    api.get<UnitBoundary>(`/cases/${encodeURIComponent(id)}/boundary`, undefined, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, undefined, { signal }),
  report: (body: ReportCaseInput) => api.post<CaseDetail>('/cases', body),
  act: (id: string, body: CaseActionInput) => api.post<CaseDetail>(`/cases/${encodeURIComponent(id)}/actions`, body),
  reconcile: (id: string) => api.post<CaseDetail>(`/cases/${encodeURIComponent(id)}/reconcile`),
  duplicates: (q: DuplicatesQueryInput, signal?: AbortSignal) =>
    api.get<CaseDuplicates>('/cases/duplicates', { ...q }, { signal }),
  kpis: (q: KpisQueryInput, signal?: AbortSignal) => api.get<CaseKpis>('/cases/kpis', q, { signal }),
  /** The filtered ledger in the export's columns, for the print page. */
  ledgerSheet: (query: CaseListQuery, signal?: AbortSignal) =>
    api.get<LedgerSheet>('/cases/ledger-sheet', { ...query, cursor: undefined, limit: undefined }, { signal }),
  exportUrl: (query: CaseListQuery) =>
    withQuery('/api/v1/cases/export.xlsx', { ...query, cursor: undefined, limit: undefined }),
  /** Where a case can be dispatched: its 街道 and that 街道's communities (二级派遣), departments and outside units. */
  dispatchTargets: async (caseId?: string): Promise<Unit[]> =>
    (await api.get<UnitList>('/cases/dispatch-units', caseId ? { caseId } : undefined)).items,
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
