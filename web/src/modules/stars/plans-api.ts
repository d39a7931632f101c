import { api } from '../../lib/api';
import type {
  BattleMap,
  BranchList,
  BranchRow,
  MeasureBody,
  MeasurePatchBody,
  MeasureReportBody,
  MeasureView,
  PlanBody,
  TeamBody,
  TeamDetail,
  TeamList,
  TeamSummary,
} from '../../../../src/contracts/star-plans';

/** The shapes come from the server's contract (src/contracts/star-plans.ts), so the two never drift. */
export type {
  BattleMap,
  BranchList,
  BranchRow,
  MeasureBody,
  MeasurePatchBody,
  MeasureReportBody,
  MeasureView,
  PlanBody,
  TeamBody,
  TeamDetail,
  TeamList,
  TeamSummary,
};

/** Battle maps (作战图) and action teams (聚力团). */
export const plansApi = {
  branches: (year: number, signal?: AbortSignal) => api.get<BranchList>('/stars/branches', { year }, { signal }),
  map: (branchId: string, year: number, signal?: AbortSignal) =>
    api.get<BattleMap>(`/stars/branches/${branchId}/plan`, { year }, { signal }),
  savePlan: (branchId: string, body: PlanBody) => api.put<BattleMap>(`/stars/branches/${branchId}/plan`, body),
  addMeasure: (branchId: string, body: MeasureBody) =>
    api.post<BattleMap>(`/stars/branches/${branchId}/measures`, body),
  patchMeasure: (id: string, body: MeasurePatchBody) => api.patch<BattleMap>(`/stars/measures/${id}`, body),
  report: (id: string, body: MeasureReportBody) => api.post<BattleMap>(`/stars/measures/${id}/reports`, body),
  teams: (branchId?: string, signal?: AbortSignal) =>
    api.get<TeamList>('/stars/teams', branchId ? { branchId } : undefined, { signal }),
  team: (id: string, signal?: AbortSignal) => api.get<TeamDetail>(`/stars/teams/${id}`, undefined, { signal }),
  createTeam: (body: TeamBody) => api.post<TeamDetail>('/stars/teams', body),
  saveTeam: (id: string, body: TeamBody) => api.put<TeamDetail>(`/stars/teams/${id}`, body),
};

/** The year of today in the district (Asia/Shanghai). */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}
