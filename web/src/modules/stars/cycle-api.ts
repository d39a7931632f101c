import { api, withQuery } from '../../lib/api';
import type {
  BranchWeekly,
  Evidence,
  EvidenceBody,
  EvidenceList,
  ObservationBody,
  ObservationDetail,
  ObservationSummary,
  ScoresBody,
  WeekCell,
  WeeklyBody,
  WeeklyGrid,
  WeeklyReport,
  WeekStatus,
} from '../../../../src/contracts/stars-cycle';

/** The shapes come from the server's contract (src/contracts/stars-cycle.ts), so the two never drift. */
export type {
  BranchWeekly,
  Evidence,
  EvidenceBody,
  EvidenceList,
  ObservationBody,
  ObservationDetail,
  ObservationSummary,
  ScoresBody,
  WeekCell,
  WeeklyBody,
  WeeklyGrid,
  WeeklyReport,
  WeekStatus,
};
export { WEEK_STATUS_LABELS } from '../../../../src/contracts/stars-cycle';

type Period = { unitId?: string; from?: string; to?: string };

/** 每周推进, 每月观摩 and 佐证材料 (the "三个一" cycle's weekly and monthly parts). */
export const cycleApi = {
  grid: (q: Period, signal?: AbortSignal) => api.get<WeeklyGrid>('/stars/weekly/grid', q, { signal }),
  gridXlsxUrl: (q: Period) => withQuery('/api/v1/stars/weekly/grid.xlsx', q),
  branchWeekly: (branchId: string, q: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    api.get<BranchWeekly>(`/stars/branches/${branchId}/weekly`, q, { signal }),
  report: (id: string, signal?: AbortSignal) => api.get<WeeklyReport>(`/stars/weekly/${id}`, undefined, { signal }),
  putWeekly: (branchId: string, week: string, body: WeeklyBody) =>
    api.put<WeeklyReport>(`/stars/branches/${branchId}/weekly/${week}`, body),

  observations: (q: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    api.get<{ items: ObservationSummary[] }>('/stars/observations', q, { signal }),
  observation: (id: string, signal?: AbortSignal) =>
    api.get<ObservationDetail>(`/stars/observations/${id}`, undefined, { signal }),
  createObservation: (body: ObservationBody) => api.post<ObservationDetail>('/stars/observations', body),
  putScores: (id: string, body: ScoresBody) => api.put<ObservationDetail>(`/stars/observations/${id}/scores`, body),

  evidence: (branchId: string, quarter?: string, signal?: AbortSignal) =>
    api.get<EvidenceList>('/stars/evidence', { branchId, quarter }, { signal }),
  addEvidence: (body: EvidenceBody) => api.post<Evidence>('/stars/evidence', body),
  deleteEvidence: (id: string) => api.delete(`/stars/evidence/${id}`),
};

/** The photo's URLs as the files module serves them. */
export const fileUrl = (id: string) => `/api/v1/files/${id}`;
export const thumbUrl = (id: string) => `/api/v1/files/${id}/thumbnail`;

/** Monday of the week holding `d` (local date), 'YYYY-MM-DD'. */
export function mondayOf(d: Date): string {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  x.setDate(x.getDate() - ((x.getDay() + 6) % 7));
  return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
}

/** The colour of a week's status in grids and tags. */
export const WEEK_STATUS_COLORS: Record<WeekStatus, string> = {
  reported: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'blue',
  exempt: 'default',
  none: 'default',
};
